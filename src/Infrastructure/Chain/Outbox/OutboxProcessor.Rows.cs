using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The outbox's rows: the locked nonce, claiming due work, and status and back-off bookkeeping.</summary>
public sealed partial class OutboxProcessor
{
    private async Task<ChainNonce> LockNonceAsync(CancellationToken cancellationToken)
    {
        var chainId = chain.Options.ChainId;
        var address = chain.OperatorAddress;
        ChainNonce? row = db.Database.IsNpgsql()
            ? await db.ChainNonces.FromSql($"SELECT * FROM chain_nonces WHERE \"ChainId\" = {chainId} AND \"Address\" = {address} FOR UPDATE").FirstOrDefaultAsync(cancellationToken)
            : await db.ChainNonces.FirstOrDefaultAsync(n => n.ChainId == chainId && n.Address == address, cancellationToken);
        if (row is null)
        {
            row = new ChainNonce { ChainId = chainId, Address = address, NextNonce = await chain.PendingNonceAsync(address) };
            db.ChainNonces.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }

        return row;
    }

    /// <summary>A row waiting for a failed operation can never run: it fails too (an admin retries both).</summary>
    private async Task FailOrphansAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.ChainOperations
            .Where(o => o.Status == ChainOperationStatus.Pending && o.DependsOn != null
                && db.ChainOperations.Any(d => d.Id == o.DependsOn && d.Status == ChainOperationStatus.Failed))
            .ExecuteUpdateAsync(
                u => u.SetProperty(o => o.Status, ChainOperationStatus.Failed)
                    .SetProperty(o => o.Error, "the operation it depends on failed")
                    .SetProperty(o => o.FailureCode, nameof(ChainFailure.DependencyFailed))
                    .SetProperty(o => o.UpdatedAt, now),
                cancellationToken);
    }

    /// <summary>Due pending rows whose prerequisite (if any) is confirmed, lowest first.</summary>
    private async Task<List<ChainOperation>> ClaimPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            var ticks = now.UtcTicks;
            // Several app instances: each claims different rows; locked rows are skipped, never waited for.
            return await db.ChainOperations.FromSql(
                    $"SELECT * FROM chain_operations c WHERE c.\"Status\" = 'Pending' AND c.\"NextAttemptAt\" <= {ticks} AND (c.\"DependsOn\" IS NULL OR EXISTS (SELECT 1 FROM chain_operations d WHERE d.\"Id\" = c.\"DependsOn\" AND d.\"Status\" = 'Confirmed')) ORDER BY c.\"CreatedAt\", c.\"Id\" LIMIT {ClaimBatch} FOR UPDATE OF c SKIP LOCKED")
                .ToListAsync(cancellationToken);
        }

        return await db.ChainOperations
            .Where(o => o.Status == ChainOperationStatus.Pending && o.NextAttemptAt <= now
                && (o.DependsOn == null || db.ChainOperations.Any(d => d.Id == o.DependsOn && d.Status == ChainOperationStatus.Confirmed)))
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Take(ClaimBatch).ToListAsync(cancellationToken);
    }

    private void Update(IEnumerable<ChainOperation> rows, ChainOperationStatus status)
    {
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            row.Status = status;
            row.UpdatedAt = now;
        }
    }

    private void Backoff(IEnumerable<ChainOperation> rows, string error)
    {
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            row.Attempts++;
            row.Error = error;
            row.NextAttemptAt = now.AddSeconds(Math.Min(60, Math.Pow(2, Math.Min(row.Attempts, 6))));
            row.UpdatedAt = now;
        }
    }
}
