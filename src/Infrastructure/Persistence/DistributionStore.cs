using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexConvertors.Extensions;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Infrastructure.Chain.Merkle;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>A holder's permanent leaf in an asset's cumulative entitlement tree.</summary>
public sealed class HolderEntitlement
{
    public long AssetTokenId { get; set; }

    public int Index { get; set; }

    public string Address { get; set; } = "";

    public long Cumulative { get; set; }
}

internal sealed class DistributionStore(AppDbContext db) : IDistributionStore
{
    public void Add(Distribution distribution) => db.Add(distribution);

    public Task<Distribution?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Distribution>().Include(d => d.Lines).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<Distribution?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Distribution>().Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<Distribution?> LatestAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<Distribution>().AsNoTracking().Where(d => d.AssetId == assetId && d.Status != DistributionStatus.Cancelled)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public Task<Distribution?> FindByRootAsync(long onChainTokenId, string root, CancellationToken cancellationToken) =>
        db.Set<Distribution>().AsNoTracking()
            .Where(d => d.OnChainTokenId == onChainTokenId && d.MerkleRoot == root && d.Status != DistributionStatus.Cancelled && d.FundedAt != null)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListByAssetAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking().Where(d => d.AssetId == assetId).OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListRecentAsync(int take, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        await db.Set<Distribution>().Where(d => d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed)
            .OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);

    /// <remarks>The authorized wallet is written from the custodial wallet's stored address, the one callers pass: compared as stored.</remarks>
    public async Task<IReadOnlyList<Distribution>> ListUnfinishedDrawingOnAsync(string funderUserId, string? wallet, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking()
            .Where(d => (d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed)
                && (d.FunderUserId == funderUserId || (wallet != null && d.AuthorizedWallet == wallet)))
            .ToListAsync(cancellationToken);

    public async Task<DateTimeOffset?> LastAutomaticCancellationAsync(AssetId assetId, CancellationToken cancellationToken) =>
        (await db.Set<Distribution>().AsNoTracking()
            .Where(d => d.AssetId == assetId && d.Status == DistributionStatus.Cancelled && d.FunderUserId == DistributionExecutor.PlatformFunder)
            .OrderByDescending(d => d.CreatedAt).Select(d => new { d.CompletedAt }).FirstOrDefaultAsync(cancellationToken))?.CompletedAt;

    public async Task<IReadOnlyList<Distribution>> ListUnfinishedByFunderAsync(string funderUserId, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking()
            .Where(d => d.FunderUserId == funderUserId && (d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Compares lower-cased on both sides, in SQL (not through a collation): payee lines written before split
    /// addresses were checksummed hold the address as it was typed.
    /// </summary>
    public async Task<IReadOnlyList<(Distribution Distribution, DistributionLine Line)>> LinesToAsync(IReadOnlyCollection<string> addresses, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var wanted = addresses.Select(a => a.ToLowerInvariant()).Distinct().ToList();
        // ToLower() here is SQL lower() (EF translates only the parameterless overload); hex digits have no culture.
#pragma warning disable CA1304, CA1311
        var rows = await (from l in db.Set<DistributionLine>().AsNoTracking()
                          join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
                          where l.Address != null && wanted.Contains(l.Address.ToLower()) && d.CreatedAt >= start && d.CreatedAt < end
                              && d.Status != DistributionStatus.Cancelled
                          select new { d, l })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        return rows
            .OrderBy(x => x.d.CreatedAt).ThenBy(x => x.l.Order)
            .Select(x => (x.d, x.l)).ToList();
    }

    public async Task<IReadOnlyList<DistributionLine>> HolderLinesUpToAsync(AssetId assetId, Distribution upTo, CancellationToken cancellationToken) =>
        await (from l in db.Set<DistributionLine>().AsNoTracking()
               join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
               where d.AssetId == assetId && d.CreatedAt <= upTo.CreatedAt && l.Kind == DistributionLineKind.Holder && l.HolderIndex != null
                   && d.Status != DistributionStatus.Cancelled
               select l).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HolderPayout>> PayoutsToAsync(string address, CancellationToken cancellationToken) =>
        (await (from l in db.Set<DistributionLine>().AsNoTracking()
                join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
                where l.Kind == DistributionLineKind.Holder && l.Address == address && d.Status != DistributionStatus.Cancelled
                select new { d.Id, d.AssetId, d.OnChainTokenId, d.RecordTime, d.CreatedAt, d.Status, l.Fractions, l.Amount, d.FunderUserId })
            .ToListAsync(cancellationToken))
        .OrderByDescending(x => x.CreatedAt)
        .Select(x => new HolderPayout(x.Id, x.AssetId, x.OnChainTokenId, x.RecordTime, x.CreatedAt, x.Status, x.Fractions ?? 0, x.Amount,
            x.FunderUserId == Domain.Distributions.DistributionExecutor.PlatformFunder))
        .ToList();
}

/// <summary>Cumulative entitlements per asset and their OpenZeppelin-standard Merkle trees.</summary>
internal sealed class EntitlementLedger(AppDbContext db, IDistributionStore distributions) : IEntitlementLedger
{
    public async Task<EntitlementUpdate> AddAsync(long onChainTokenId, IReadOnlyList<HolderLine> lines, IReadOnlySet<string> pushTo, int batchSize, CancellationToken cancellationToken)
    {
        var leaves = await db.Set<HolderEntitlement>().Where(e => e.AssetTokenId == onChainTokenId).ToListAsync(cancellationToken);
        var byAddress = leaves.ToDictionary(e => e.Address, StringComparer.OrdinalIgnoreCase);
        var next = leaves.Count == 0 ? 0 : leaves.Max(e => e.Index) + 1;
        var touched = new List<HolderEntitlement>(lines.Count);
        foreach (var line in lines)
        {
            if (!byAddress.TryGetValue(line.Address, out var leaf))
            {
                leaf = new HolderEntitlement { AssetTokenId = onChainTokenId, Index = next++, Address = line.Address };
                db.Add(leaf);
                leaves.Add(leaf);
                byAddress[line.Address] = leaf;
            }

            leaf.Cumulative = checked(leaf.Cumulative + line.Amount);
            touched.Add(leaf);
        }

        var tree = Tree(onChainTokenId, leaves);
        var batches = new List<PushBatch>();
        var paid = lines.Where(l => l.Amount > 0).Select(l => l.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var targets = touched.Where(e => pushTo.Contains(e.Address) && paid.Contains(e.Address)).ToList();
        foreach (var chunk in targets.Chunk(Math.Max(1, batchSize)))
        {
            var hashes = chunk.ToDictionary(e => Convert.ToHexString(Leaf(onChainTokenId, e)), e => e);
            var (ordered, proof, flags) = tree.MultiProof(hashes.Keys.Select(Convert.FromHexString).ToList());
            batches.Add(new PushBatch(ordered.Select(h => View(hashes[Convert.ToHexString(h)])).ToList(), proof.Select(p => p.ToHex(true)).ToList(), flags));
        }

        return new EntitlementUpdate(tree.Root.ToHex(true), leaves.Sum(e => e.Cumulative), touched.Select(View).ToList(), batches);
    }

    public async Task<EntitlementTree> TreeOfAsync(Distribution distribution, CancellationToken cancellationToken)
    {
        var lines = await distributions.HolderLinesUpToAsync(distribution.AssetId, distribution, cancellationToken);
        var leaves = lines.GroupBy(l => l.HolderIndex!.Value)
            .Select(g => new HolderEntitlement { AssetTokenId = distribution.OnChainTokenId, Index = g.Key, Address = g.First().Address!, Cumulative = g.Sum(l => l.Amount) })
            .OrderBy(e => e.Index).ToList();
        if (leaves.Count == 0)
        {
            return new EntitlementTree("", []);
        }

        var tree = Tree(distribution.OnChainTokenId, leaves);
        return new EntitlementTree(tree.Root.ToHex(true), leaves.Select(e =>
        {
            var leaf = Leaf(distribution.OnChainTokenId, e);
            return new EntitlementProof(View(e), leaf.ToHex(true), tree.Proof(leaf).Select(p => p.ToHex(true)).ToList());
        }).ToList());
    }

    public async Task<IReadOnlyList<ClaimProof>> ClaimsOfAsync(string address, IPayoutChainReader chain, CancellationToken cancellationToken)
    {
        var assets = await db.Set<HolderEntitlement>().AsNoTracking().Where(e => e.Address == address).Select(e => e.AssetTokenId).Distinct().ToListAsync(cancellationToken);
        var claims = new List<ClaimProof>();
        foreach (var tokenId in assets)
        {
            HolderPool pool;
            try
            {
                pool = await chain.PoolAsync(tokenId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One asset whose pool cannot be read must not hold back the claims on the others.
                continue;
            }

            if (await distributions.FindByRootAsync(tokenId, pool.Root, cancellationToken) is not { } funded)
            {
                continue;
            }

            var tree = await TreeOfAsync(funded, cancellationToken);
            if (!string.Equals(tree.Root, pool.Root, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (tree.Leaves.FirstOrDefault(l => string.Equals(l.Leaf.Address, address, StringComparison.OrdinalIgnoreCase)) is { Leaf.Cumulative: > 0 } mine)
            {
                claims.Add(new ClaimProof(tokenId, mine.Leaf, mine.Proof));
            }
        }

        return claims;
    }

    public async Task RemoveAsync(Distribution distribution, CancellationToken cancellationToken)
    {
        var lines = distribution.Lines.Where(l => l.Kind == DistributionLineKind.Holder && l.HolderIndex is not null).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        // Leaves no other (not cancelled) distribution of the asset paid were created by this one.
        var others = await (from l in db.Set<DistributionLine>().AsNoTracking()
                            join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
                            where d.AssetId == distribution.AssetId && d.Id != distribution.Id && d.Status != DistributionStatus.Cancelled
                                && l.Kind == DistributionLineKind.Holder && l.HolderIndex != null
                            select l.HolderIndex!.Value).Distinct().ToListAsync(cancellationToken);
        var kept = others.ToHashSet();
        var indices = lines.Select(l => l.HolderIndex!.Value).ToList();
        var leaves = await db.Set<HolderEntitlement>().Where(e => e.AssetTokenId == distribution.OnChainTokenId && indices.Contains(e.Index)).ToListAsync(cancellationToken);
        foreach (var leaf in leaves)
        {
            if (!kept.Contains(leaf.Index))
            {
                db.Remove(leaf);
                continue;
            }

            leaf.Cumulative = checked(leaf.Cumulative - lines.Where(l => l.HolderIndex == leaf.Index).Sum(l => l.Amount));
        }
    }

    private static StandardMerkleTree Tree(long tokenId, IEnumerable<HolderEntitlement> leaves) => new(leaves.Select(e => Leaf(tokenId, e)).ToList());

    private static byte[] Leaf(long tokenId, HolderEntitlement e) => StandardMerkleTree.Leaf(tokenId, e.Index, e.Address, e.Cumulative);

    private static Entitlement View(HolderEntitlement e) => new(e.Index, e.Address, e.Cumulative);
}
