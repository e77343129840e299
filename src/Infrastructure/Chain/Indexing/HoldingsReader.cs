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
