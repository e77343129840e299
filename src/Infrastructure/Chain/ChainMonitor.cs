using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain;

internal sealed class ChainMonitor(AppDbContext db, ReconciliationState reconciliation, TimeProvider clock) : IChainMonitor
{
    public async Task<IReadOnlyList<ChainOperationView>> ListOperationsAsync(ChainOperationStatus? status, int take, CancellationToken cancellationToken)
    {
        var query = db.ChainOperations.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var rows = await query.OrderByDescending(o => o.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToView()).ToList();
    }

    public async Task<IReadOnlyList<ChainOperationView>> ListByKeyPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        (await db.ChainOperations.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith(prefix)).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken))
            .Select(o => o.ToView()).ToList();

    public async Task<bool> RetryAsync(Guid operationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await db.ChainOperations
            .Where(o => o.Id == operationId && o.Status == ChainOperationStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, ChainOperationStatus.Pending)
                    .SetProperty(o => o.Nonce, (long?)null)
                    .SetProperty(o => o.TxHash, (string?)null)
                    .SetProperty(o => o.RawTransaction, (string?)null)
                    .SetProperty(o => o.Error, (string?)null)
                    .SetProperty(o => o.FailureCode, (string?)null)
                    .SetProperty(o => o.NextAttemptAt, now)
                    .SetProperty(o => o.UpdatedAt, now),
                cancellationToken);
        return updated == 1;
    }

    public async Task<int> CancelFailedAsync(IReadOnlyCollection<Guid> operationIds, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = operationIds.ToList();
        var text = "cancelled: " + (reason.Length <= 500 ? reason : reason[..500]);
        return await db.ChainOperations
            .Where(o => ids.Contains(o.Id) && o.Status == ChainOperationStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, ChainOperationStatus.Cancelled)
                    .SetProperty(o => o.Error, text)
                    .SetProperty(o => o.UpdatedAt, now),
                cancellationToken);
    }

    public ReconciliationView? LatestReconciliation() =>
        reconciliation.Latest is { } r
            ? new ReconciliationView(r.CheckedAt, r.AtBlock, r.Checked, r.Mismatches.Select(m => new HoldingMismatchView(m.AssetTokenId, m.Address, m.Database, m.Chain)).ToList(), r.Skipped)
            : null;
}
