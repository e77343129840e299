using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexConvertors.Extensions;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Infrastructure.Chain.Merkle;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>Cumulative entitlements per asset and their OpenZeppelin-standard Merkle trees.</summary>
internal sealed class EntitlementLedger(AppDbContext db, IDistributionStore distributions) : IEntitlementLedger
{
    public async Task<EntitlementUpdate> AddAsync(long onChainTokenId, IReadOnlyList<HolderLine> lines, IReadOnlySet<string> pushTo, int batchSize, CancellationToken cancellationToken)
    {
        var leaves = await db.Set<HolderEntitlement>().Where(e => e.AssetTokenId == onChainTokenId).ToListAsync(cancellationToken);
        var byAddress = leaves.ToDictionary(e => e.Address, EthAddress.Comparer);
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

            leaf.Cumulative = checked(leaf.Cumulative + line.Amount.MinorUnits);
            touched.Add(leaf);
        }

        var tree = Tree(onChainTokenId, leaves);
        var batches = new List<PushBatch>();
        var paid = lines.Where(l => l.Amount > Money.Zero).Select(l => l.Address).ToHashSet(EthAddress.Comparer);
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
            .Select(g => new HolderEntitlement { AssetTokenId = distribution.OnChainTokenId, Index = g.Key, Address = g.First().Address!, Cumulative = g.Sum(l => l.Amount.MinorUnits) })
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

            if (tree.Leaves.FirstOrDefault(l => EthAddress.Comparer.Equals(l.Leaf.Address, address)) is { Leaf.Cumulative: > 0 } mine)
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

            leaf.Cumulative = checked(leaf.Cumulative - lines.Where(l => l.HolderIndex == leaf.Index).Sum(l => l.Amount.MinorUnits));
        }
    }

    private static StandardMerkleTree Tree(long tokenId, IEnumerable<HolderEntitlement> leaves) => new(leaves.Select(e => Leaf(tokenId, e)).ToList());

    private static byte[] Leaf(long tokenId, HolderEntitlement e) => StandardMerkleTree.Leaf(tokenId, e.Index, e.Address, e.Cumulative);

    private static Entitlement View(HolderEntitlement e) => new(e.Index, e.Address, e.Cumulative);
}
