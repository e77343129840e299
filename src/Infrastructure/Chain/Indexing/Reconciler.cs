using System.Numerics;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

public sealed record HoldingMismatch(long AssetTokenId, string Address, decimal Database, decimal Chain);

public sealed record ReconciliationReport(DateTimeOffset CheckedAt, long AtBlock, int Checked, IReadOnlyList<HoldingMismatch> Mismatches, string? Skipped);

/// <summary>The latest reconciliation report, for /health and the admin console.</summary>
public sealed class ReconciliationState
{
    public ReconciliationReport? Latest { get; set; }
}

/// <summary>
/// Compares every database holding with the chain (balanceOfBatch) once the indexer has caught up,
/// and reports each difference with both values. It never "fixes" anything: a difference is an incident.
/// </summary>
public sealed class Reconciler(AppDbContext db, ChainClient chain, ContractAddressesProvider addresses, EventIndexer indexer, ReconciliationState state, TimeProvider clock)
{
    private const int Chunk = 200;

    public async Task<ReconciliationReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var head = await chain.BlockNumberAsync();
        if (await indexer.LagAsync(cancellationToken) > chain.Options.Confirmations)
        {
            var skipped = new ReconciliationReport(clock.GetUtcNow(), head, 0, state.Latest?.Mismatches ?? [], "indexer is catching up");
            state.Latest = skipped;
            return skipped;
        }

        var holdings = await db.AssetHoldings.AsNoTracking().OrderBy(h => h.AssetTokenId).ThenBy(h => h.Address).ToListAsync(cancellationToken);
        var mismatches = new List<HoldingMismatch>();
        var handler = chain.Web3.Eth.GetContractQueryHandler<BalanceOfBatchFunction>();
        foreach (var chunk in holdings.Chunk(Chunk))
        {
            var query = new BalanceOfBatchFunction
            {
                Accounts = chunk.Select(h => h.Address).ToList(),
                Ids = chunk.Select(h => new BigInteger(h.AssetTokenId)).ToList(),
            };
            var balances = (await handler.QueryDeserializingToObjectAsync<BalanceOfBatchOutput>(query, contracts.AssetToken)).Balances;
            for (var i = 0; i < chunk.Length; i++)
            {
                var onChain = (decimal)balances[i];
                if (onChain != chunk[i].Balance)
                {
                    mismatches.Add(new HoldingMismatch(chunk[i].AssetTokenId, chunk[i].Address, chunk[i].Balance, onChain));
                }
            }
        }

        var report = new ReconciliationReport(clock.GetUtcNow(), head, holdings.Count, mismatches, null);
        state.Latest = report;
        return report;
    }
}
