namespace TokenPlatform.Domain.Chain;

/// <summary>What operators see of the chain side: outbox rows, reconciliation, retries.</summary>
public interface IChainMonitor
{
    Task<IReadOnlyList<ChainOperationView>> ListOperationsAsync(ChainOperationStatus? status, int take, CancellationToken cancellationToken);

    /// <summary>The operations whose idempotency key starts with <paramref name="prefix"/> (e.g. everything of one asset), oldest first.</summary>
    Task<IReadOnlyList<ChainOperationView>> ListByKeyPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Puts a failed operation back in the queue (same idempotency key). False when it is not failed.</summary>
    Task<bool> RetryAsync(Guid operationId, CancellationToken cancellationToken);

    /// <summary>Marks failed operations as given up (they can no longer be retried); others are left alone. Returns how many changed.</summary>
    Task<int> CancelFailedAsync(IReadOnlyCollection<Guid> operationIds, string reason, CancellationToken cancellationToken);

    ReconciliationView? LatestReconciliation();
}

public sealed record ReconciliationView(DateTimeOffset CheckedAt, long AtBlock, int Checked, IReadOnlyList<HoldingMismatchView> Mismatches, string? Skipped);

public sealed record HoldingMismatchView(long AssetTokenId, string Address, decimal Database, decimal Chain);
