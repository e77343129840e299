using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>Distributions and their lines. Changes are committed by <see cref="Common.IUnitOfWork"/>.</summary>
public interface IDistributionStore
{
    void Add(Distribution distribution);

    /// <summary>With its lines.</summary>
    Task<Distribution?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>With its lines, tracked by the unit of work (to change its status or compensate it).</summary>
    Task<Distribution?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The asset's most recent distribution that was not cancelled (without lines).</summary>
    Task<Distribution?> LatestAsync(AssetId assetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Distribution>> ListByAssetAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>The most recent distributions of all assets (operations console).</summary>
    Task<IReadOnlyList<Distribution>> ListRecentAsync(int take, CancellationToken cancellationToken);

    /// <summary>The latest distribution of an on-chain asset that published <paramref name="root"/> (claims are proven against the root the chain holds).</summary>
    Task<Distribution?> FindByRootAsync(long onChainTokenId, string root, CancellationToken cancellationToken);

    /// <summary>Every distribution still executing or failed (tracked, oldest first, for the sync worker).</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>The funder's distributions still executing or failed (without lines): money they may still pull from its wallet.</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedByFunderAsync(string funderUserId, CancellationToken cancellationToken);

    /// <summary>Unfinished distributions drawing on a wallet: funded by the user (manual runs) or by its standing authorization (automatic runs). Not tracked.</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedDrawingOnAsync(string funderUserId, string? wallet, CancellationToken cancellationToken);

    /// <summary>When the asset's latest automatic run was cancelled (compensated), if any.</summary>
    Task<DateTimeOffset?> LastAutomaticCancellationAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Holder lines paying <paramref name="address"/> (payout history), newest first.</summary>
    Task<IReadOnlyList<HolderPayout>> PayoutsToAsync(string address, CancellationToken cancellationToken);

    /// <summary>Every line (payee or holder) paying one of <paramref name="addresses"/> in distributions created in [start, end).</summary>
    Task<IReadOnlyList<(Distribution Distribution, DistributionLine Line)>> LinesToAsync(IReadOnlyCollection<string> addresses, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The holder lines of the asset's distributions created up to and including <paramref name="upTo"/>.</summary>
    Task<IReadOnlyList<DistributionLine>> HolderLinesUpToAsync(AssetId assetId, Distribution upTo, CancellationToken cancellationToken);
}

/// <param name="Automatic">Paid by the asset's distribution policy, with nobody pressing "run".</param>
public sealed record HolderPayout(Guid DistributionId, AssetId AssetId, long OnChainTokenId, DateTimeOffset RecordTime, DateTimeOffset CreatedAt, DistributionStatus Status, long Fractions, long Amount,
    bool Automatic = false);

/// <summary>Who held an asset's fractions at a point in time, from the indexed chain history.</summary>
public interface IHoldingsHistory
{
    /// <summary>
    /// Balances at <paramref name="at"/> (positive only), or null when the indexer has not yet
    /// processed blocks up to that time.
    /// </summary>
    Task<IReadOnlyList<HolderPosition>?> AtAsync(long onChainTokenId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The address holding unsold fractions (the primary-sale escrow), whose share belongs to the issuer.</summary>
    Task<string?> EscrowAddressAsync(CancellationToken cancellationToken);
}

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

/// <summary>What the distributor already paid each leaf (read from the chain).</summary>
public interface IPayoutChainReader
{
    Task<long> ClaimedAsync(long onChainTokenId, int index, CancellationToken cancellationToken);

    /// <summary>The asset's holder pool: funded, paid out and entitled so far, and the root the chain holds.</summary>
    Task<HolderPool> PoolAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>What the royalty splitter still owes a payee (credited, not yet withdrawn: e.g. while frozen).</summary>
    Task<long> PayeeCreditAsync(string payee, CancellationToken cancellationToken);
}

/// <param name="Root">The cumulative entitlement root the distributor verifies claims against (0x-hex, zero when never funded).</param>
public sealed record HolderPool(long Funded, long Paid, long TotalEntitled, string Root)
{
    /// <summary>Owed to holders and not yet claimed or pushed.</summary>
    public long Unclaimed => TotalEntitled - Paid;
}
