using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>Reads the indexer's holdings table (addresses are stored checksummed).</summary>
internal sealed class HoldingsReader(AppDbContext db, ContractAddressesProvider addresses) : IHoldingsReader
{
    public async Task<IReadOnlyDictionary<long, long>> ByAddressAsync(string address, CancellationToken cancellationToken)
    {
        var checksummed = Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(address);
        var rows = await db.AssetHoldings.AsNoTracking().Where(h => h.Address == checksummed && h.Balance > 0)
            .Select(h => new { h.AssetTokenId, h.Balance }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AssetTokenId, r => (long)r.Balance);
    }

    public async Task<IReadOnlyDictionary<long, long>> InEscrowAsync(IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken)
    {
        if (!addresses.IsKnown || tokenIds.Count == 0)
        {
            return new Dictionary<long, long>();
        }

        var escrow = Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress((await addresses.GetAsync(cancellationToken)).PrimarySale);
        var rows = await db.AssetHoldings.AsNoTracking().Where(h => h.Address == escrow && tokenIds.Contains(h.AssetTokenId))
            .Select(h => new { h.AssetTokenId, h.Balance }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AssetTokenId, r => (long)r.Balance);
    }
}

/// <summary>Holders at a record time, summed from the indexed change history.</summary>
internal sealed class HoldingsHistory(AppDbContext db, ChainOptions options, ContractAddressesProvider addresses, IServiceProvider services) : Domain.Distributions.IHoldingsHistory
{
    public async Task<IReadOnlyList<Domain.Distributions.HolderPosition>?> AtAsync(long onChainTokenId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var chainId = options.ChainId;
        var cursor = await db.ChainCursors.AsNoTracking().FirstOrDefaultAsync(c => c.ChainId == chainId && c.Name == EventIndexer.CursorName, cancellationToken);
        if (cursor is null)
        {
            return null;
        }

        // Known up to the record time when the indexer passed it, or when no block was mined since its cursor.
        if (cursor.LastBlockTime is not { } indexedUntil || indexedUntil < at)
        {
            if (options.Mode == ChainMode.Disabled)
            {
                return null;
            }

            // Resolved only here: without a chain (Mode=Disabled) there is no client and no operator key.
            var chain = services.GetRequiredService<ChainClient>();
            var safeHead = await chain.BlockNumberAsync() - options.Confirmations + 1;
            if (cursor.LastBlock < safeHead)
            {
                return null;
            }
        }

        var changes = db.HoldingChanges.AsNoTracking().Where(c => c.AssetTokenId == onChainTokenId && c.BlockTime <= at);
        // SQLite cannot sum decimals in SQL: it adds them up here (the embedded, single-node case).
        var rows = db.Database.IsNpgsql()
            ? await changes.GroupBy(c => c.Address).Select(g => new { Address = g.Key, Balance = g.Sum(c => c.Delta) }).ToListAsync(cancellationToken)
            : (await changes.Select(c => new { c.Address, c.Delta }).ToListAsync(cancellationToken))
                .GroupBy(c => c.Address).Select(g => new { Address = g.Key, Balance = g.Sum(c => c.Delta) }).ToList();
        return rows.Where(r => r.Balance > 0).Select(r => new Domain.Distributions.HolderPosition(r.Address, (long)r.Balance)).ToList();
    }

    public async Task<string?> EscrowAddressAsync(CancellationToken cancellationToken) =>
        addresses.IsKnown ? Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress((await addresses.GetAsync(cancellationToken)).PrimarySale) : null;
}
