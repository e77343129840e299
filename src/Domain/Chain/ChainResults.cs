using System.Text.Json;

namespace TokenPlatform.Domain.Chain;

/// <summary>A created asset's id on the token contract.</summary>
public sealed record AssetCreatedResult(long AssetTokenId);

/// <summary>A created revenue stream's id on the splitter.</summary>
public sealed record StreamCreatedResult(long StreamId);

public sealed record PurchaseResult(long Quantity, long Cost, long Commission);

/// <summary>What a split-and-fund put in the asset's holder pool, and the root it published (0x-hex).</summary>
public sealed record HoldersFundedResult(long Funded, string Root, long TotalEntitled);

/// <summary>Payees paid by a withdrawal, and how many were deferred (frozen, or refused by the token).</summary>
public sealed record PayeesPaidResult(long Paid, int Deferred);

public sealed record ClaimedResult(long Claimed);

/// <summary>A payout-router transaction: how many assets' payouts it executed, what it paid the payees, how many it deferred.</summary>
public sealed record PayoutsExecutedResult(int Payouts, long Paid, int Deferred);

/// <summary>
/// The facts a confirmed operation produced, as the outbox stores them (<see cref="ChainOperationView.Result"/>):
/// one record per kind of result, written and read here only, in JSON (camelCase).
/// </summary>
public static class ChainResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T result) where T : class => JsonSerializer.Serialize(result, Options);

    /// <summary>The result, or null when there is none (or it is not of this kind).</summary>
    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
