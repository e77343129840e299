using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Undoes a failed distribution that moved no money: its failed operations are given up, its revenue
/// events are undistributed again and its holders' entitlements are taken back, in the caller's unit of
/// work. A distribution that already pulled money from the funder is never undone: it is resumed.
/// </summary>
public sealed class DistributionCompensation(
    IDistributionStore distributions,
    IRevenueStore revenue,
    IEntitlementLedger ledger,
    IChainMonitor monitor,
    Funding.IFundingAuthorizationStore authorizations,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>True when no step of the distribution moved or may still move money (every money step failed or never ran) and nothing is in flight.</summary>
    public async Task<bool> CanCancelAsync(Distribution distribution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.Status != DistributionStatus.Failed)
        {
            return false;
        }

        return NothingMoved(distribution.Id, await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(distribution.Id), cancellationToken));
    }

    /// <summary>Every operation is final and none that moves money was confirmed.</summary>
    public static bool NothingMoved(Guid distributionId, IReadOnlyList<ChainOperationView> operations) =>
        operations.All(o => o.Status is ChainOperationStatus.Failed or ChainOperationStatus.Cancelled
            || (o.Status == ChainOperationStatus.Confirmed && !DistributionSteps.MovesMoney(distributionId, o.IdempotencyKey)));

    public async Task<bool> TryCancelAsync(Guid distributionId, string actorId, string reason, CancellationToken cancellationToken)
    {
        var distribution = await distributions.FindForUpdateAsync(distributionId, cancellationToken);
        if (distribution is null || !await CanCancelAsync(distribution, cancellationToken))
        {
            return false;
        }

        var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(distribution.Id), cancellationToken);
        var failed = ops.Where(o => o.Status == ChainOperationStatus.Failed).Select(o => o.Id).ToList();
        if (await monitor.CancelFailedAsync(failed, reason, cancellationToken) != failed.Count)
        {
            // Someone retried a step meanwhile (it may run on chain): nothing is undone; the caller's
            // section rolls back the operations already marked.
            return false;
        }

        foreach (var e in await revenue.AssignedToForUpdateAsync(distribution.Id, cancellationToken))
        {
            e.Release(distribution.Id);
        }

        await ledger.RemoveAsync(distribution, cancellationToken);
        // What an automatic run reserved on a standing authorization is available again.
        if (distribution.AuthorizationId is { } authorizationId && await authorizations.FindAsync(authorizationId, cancellationToken) is { } authorization)
        {
            authorization.Release(distribution.FromWallet);
        }

        var before = distribution.FailureReason;
        var text = $"{reason}; failed earlier: {before}";
        distribution.Cancel(text.Length <= 2000 ? text : text[..2000], clock.GetUtcNow());
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), actorId, AuditActions.DistributionCancel, distribution.AssetId.Value,
            $"distribution {distribution.Id}", "failed", "cancelled", reason));
        return true;
    }
}
