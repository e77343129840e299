using System.Text.Json;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// JSON columns for an asset's kind-specific details and its revenue split. Reading goes back
/// through the domain factories, so a stored value is always a valid one.
/// </summary>
internal static class AssetJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record DetailsDto(AssetKind Kind, AssetDetailsInput Details);

    private sealed record SplitDto(IReadOnlyList<SplitPayee> Payees, int HoldersBps);

    public static string WriteDetails(AssetDetails details) =>
        JsonSerializer.Serialize(new DetailsDto(details.Kind, AssetDetailsFactory.ToInput(details)), Options);

    public static AssetDetails ReadDetails(string json)
    {
        var dto = JsonSerializer.Deserialize<DetailsDto>(json, Options) ?? throw new InvalidOperationException("Empty asset details.");
        // A stored year is never "in the future" of the moment it is read back.
        var result = AssetDetailsFactory.Create(dto.Kind, dto.Details, DateTimeOffset.MaxValue);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Stored asset details are invalid: {result.Error!.Message}");
    }

    public static string WriteSplit(RevenueSplit split) => JsonSerializer.Serialize(new SplitDto(split.Payees, split.HoldersBps), Options);

    public static RevenueSplit ReadSplit(string json)
    {
        var dto = JsonSerializer.Deserialize<SplitDto>(json, Options) ?? throw new InvalidOperationException("Empty revenue split.");
        var result = RevenueSplit.Create(dto.Payees, dto.HoldersBps);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Stored revenue split is invalid: {result.Error!.Message}");
    }
}
