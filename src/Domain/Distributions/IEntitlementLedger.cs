namespace TokenPlatform.Domain.Distributions;

/// <summary>One holder's standing in an asset's cumulative entitlement tree.</summary>
public sealed record Entitlement(int Index, string Address, long Cumulative);

/// <summary>Pays several holders at once: entries in the multiproof's leaf order, with the proof (0x-hex) and flags.</summary>
public sealed record PushBatch(IReadOnlyList<Entitlement> Entries, IReadOnlyList<string> Proof, IReadOnlyList<bool> Flags);

public sealed record EntitlementUpdate(string Root, long TotalEntitled, IReadOnlyList<Entitlement> Holders, IReadOnlyList<PushBatch> PushBatches);

public sealed record EntitlementTree(string Root, IReadOnlyList<EntitlementProof> Leaves);

public sealed record EntitlementProof(Entitlement Leaf, string LeafHash, IReadOnlyList<string> Proof);

/// <summary>A claim ready to send: the leaf and its proof against the published root.</summary>
public sealed record ClaimProof(long OnChainTokenId, Entitlement Entitlement, IReadOnlyList<string> Proof);

/// <summary>
/// Each asset's cumulative entitlements (leaf = asset, permanent holder index, account, total ever
/// owed) and their Merkle tree (OpenZeppelin StandardMerkleTree convention, as the distributor verifies).
/// </summary>
public interface IEntitlementLedger
{
    /// <summary>
    /// Adds the holder amounts to the asset's entitlements in the current unit of work, returns the new
    /// root, the total and the holders' leaves, plus multiproof push batches for <paramref name="pushTo"/>.
    /// </summary>
    Task<EntitlementUpdate> AddAsync(long onChainTokenId, IReadOnlyList<HolderLine> lines, IReadOnlySet<string> pushTo, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// The tree a distribution published, rebuilt from the recorded lines of the asset's distributions up
    /// to it: its root (equal to the one published on chain) and every leaf with its proof.
    /// </summary>
    Task<EntitlementTree> TreeOfAsync(Distribution distribution, CancellationToken cancellationToken);

    /// <summary>
    /// The address's leaves across assets, with proofs against the root each asset's pool holds on chain
    /// now (read through <paramref name="chain"/>); an asset whose chain root no recorded distribution
    /// published is left out, so it cannot spoil the claims on the other assets.
    /// </summary>
    Task<IReadOnlyList<ClaimProof>> ClaimsOfAsync(string address, IPayoutChainReader chain, CancellationToken cancellationToken);

    /// <summary>Takes a cancelled distribution's holder amounts back (leaves it created are removed), in the current unit of work.</summary>
    Task RemoveAsync(Distribution distribution, CancellationToken cancellationToken);
}
