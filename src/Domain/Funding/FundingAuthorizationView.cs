using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Funding;

/// <summary>Where an authorization's signature stands on chain.</summary>
public enum AuthorizationChainState
{
    /// <summary>Signed, on its way to the payout router.</summary>
    Pending = 1,

    /// <summary>In force on chain: automatic payouts may draw on it.</summary>
    Confirmed = 2,

    /// <summary>The chain refused it: nothing can be drawn (grant a new one).</summary>
    Failed = 3,
}

/// <param name="TxHash">The transaction that put it on the router (null until sent).</param>
public sealed record FundingAuthorizationView(
    Guid Id,
    string Address,
    long CapMinorUnits,
    long UsedMinorUnits,
    long RemainingMinorUnits,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    FundingAuthorizationStatus Status,
    DateTimeOffset? EndedAt,
    bool Expired,
    AuthorizationChainState ChainState,
    string? TxHash)
{
    /// <summary>Automatic payouts may draw on it now.</summary>
    public bool InForce => Status == FundingAuthorizationStatus.Active && !Expired && ChainState == AuthorizationChainState.Confirmed && RemainingMinorUnits > 0;

    public static async Task<FundingAuthorizationView> OfAsync(FundingAuthorization a, IChainMonitor monitor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(monitor);
        var set = First(await monitor.ListByKeyPrefixAsync(OperationKeys.FundingAuthorizationSet(a.Id), cancellationToken));
        var permit = First(await monitor.ListByKeyPrefixAsync(OperationKeys.FundingAuthorizationPermit(a.Id), cancellationToken));
        var state = (set?.Status, permit?.Status) switch
        {
            (ChainOperationStatus.Confirmed, ChainOperationStatus.Confirmed) => AuthorizationChainState.Confirmed,
            (ChainOperationStatus.Failed or ChainOperationStatus.Cancelled, _) or (_, ChainOperationStatus.Failed or ChainOperationStatus.Cancelled) => AuthorizationChainState.Failed,
            _ => AuthorizationChainState.Pending,
        };
        return new FundingAuthorizationView(a.Id, a.Address, a.CapMinorUnits, a.UsedMinorUnits, a.RemainingMinorUnits, a.ExpiresAt, a.CreatedAt, a.Status, a.EndedAt,
            now >= a.ExpiresAt, state, set?.TxHash);
    }

    /// <summary>The one operation an idempotency key names, if queued.</summary>
    internal static ChainOperationView? First(IReadOnlyList<ChainOperationView> operations) => operations.Count > 0 ? operations[0] : null;
}
