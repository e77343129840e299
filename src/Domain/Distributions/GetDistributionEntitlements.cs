using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <param name="Leaf">The leaf's hash; <paramref name="Proof"/> proves it against the root.</param>
public sealed record EntitlementsFileLeaf(int Index, string Account, long Cumulative, string Leaf, IReadOnlyList<string> Proof);

/// <summary>
/// A distribution's entitlement tree as anyone can check it: every holder's cumulative entitlement, its
/// leaf and proof, the root the tree gives and the root the distribution published on chain.
/// </summary>
public sealed record EntitlementsFile(long AssetTokenId, string Root, string PublishedRoot, string LeafEncoding, IReadOnlyList<EntitlementsFileLeaf> Leaves)
{
    public const string Encoding =
        "keccak256(bytes.concat(keccak256(abi.encode(uint256 assetId, uint256 index, address account, uint256 cumulative)))), sorted-pair tree (OpenZeppelin StandardMerkleTree)";
}

/// <summary>The entitlements file of a distribution (public: it is what the chain's root commits to).</summary>
public sealed record GetDistributionEntitlements(Guid DistributionId) : IQuery<Result<EntitlementsFile>>;

public sealed class GetDistributionEntitlementsHandler(IDistributionStore distributions, IEntitlementLedger ledger)
    : IQueryHandler<GetDistributionEntitlements, Result<EntitlementsFile>>
{
    public async ValueTask<Result<EntitlementsFile>> Handle(GetDistributionEntitlements query, CancellationToken cancellationToken)
    {
        if (await distributions.FindAsync(query.DistributionId, cancellationToken) is not { } d)
        {
            return Error.NotFound("distribution.missing", "No such distribution.");
        }

        var tree = await ledger.TreeOfAsync(d, cancellationToken);
        return new EntitlementsFile(d.OnChainTokenId, tree.Root, d.MerkleRoot, EntitlementsFile.Encoding,
            tree.Leaves.Select(l => new EntitlementsFileLeaf(l.Leaf.Index, l.Leaf.Address, l.Leaf.Cumulative, l.LeafHash, l.Proof)).ToList());
    }
}
