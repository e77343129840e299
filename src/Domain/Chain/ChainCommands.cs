namespace TokenPlatform.Domain.Chain;

/// <summary>
/// An intent to change chain state. Use cases enqueue commands through <see cref="IChainOutbox"/> in
/// the same unit of work as their business change; a worker sends them exactly once.
/// </summary>
public abstract record ChainCommand
{
    /// <summary>Stable name of the operation, stored with the outbox row.</summary>
    public abstract string Kind { get; }
}

/// <summary>Marks an address as a verified investor until <paramref name="KycExpiry"/>. Grouped into batches.</summary>
public sealed record RegisterInvestorOnChain(string Address, ushort Country, DateTimeOffset KycExpiry) : ChainCommand
{
    public const string KindName = "registry.register-investor";

    public override string Kind => KindName;
}

/// <summary>Mints test stablecoin (development faucet and tests only).</summary>
public sealed record MintTestStablecoin(string Address, long AmountMinorUnits) : ChainCommand
{
    public const string KindName = "stablecoin.mint";

    public override string Kind => KindName;
}

/// <summary>
/// Lets the primary sale draw the investor's stablecoin: the custodial wallet signs an ERC-2612 permit
/// (unlimited allowance, spender = primary sale) that the operator submits, so the investor needs no gas.
/// </summary>
public sealed record AllowSaleSpendingOnChain(string UserId, string Owner) : ChainCommand
{
    public const string KindName = "stablecoin.permit-sale";

    public override string Kind => KindName;
}

/// <summary>
/// Executes an accepted primary purchase for a custodial investor: an EIP-712 purchase order signed
/// by the investor's wallet (nonce = the purchase id), relayed to PrimarySale.buyFor, which charges
/// exactly the commission signed. Enqueued after <see cref="AllowSaleSpendingOnChain"/>.
/// </summary>
public sealed record BuyFractionsOnChain(Guid PurchaseId, string UserId, long AssetTokenId, string Buyer, long Quantity, ushort CommissionBps) : ChainCommand
{
    public const string KindName = "sale.buy-for";

    public override string Kind => KindName;
}

/// <summary>
/// Creates the asset on chain: the whole supply minted to the primary-sale escrow, resale royalty to
/// the royalty splitter. Result: <c>{"assetTokenId": n}</c>.
/// </summary>
public sealed record CreateAssetOnChain(Guid AssetId, string Issuer, long Supply, long MaxHolding, DateTimeOffset? LockupEnd, ushort RoyaltyBps) : ChainCommand
{
    public const string KindName = "token.create-asset";

    /// <summary>The result key holding the ERC-1155 id the asset token assigned.</summary>
    public const string TokenIdKey = "assetTokenId";

    public override string Kind => KindName;
}

/// <summary>Anchors a document's SHA-256 to the asset. Enqueued after <see cref="CreateAssetOnChain"/>.</summary>
public sealed record AnchorDocumentOnChain(Guid AssetId, string Name, string Uri, string Sha256Hex) : ChainCommand
{
    public const string KindName = "token.anchor-document";

    public override string Kind => KindName;
}

/// <summary>Opens the primary offering of an asset held in escrow. Enqueued after <see cref="CreateAssetOnChain"/>.</summary>
public sealed record OpenOfferingOnChain(Guid AssetId, long PricePerFraction, long MinimumPurchase, DateTimeOffset Start, DateTimeOffset End) : ChainCommand
{
    public const string KindName = "sale.open-offering";

    public override string Kind => KindName;
}

/// <summary>
/// Creates a revenue stream in the royalty splitter. <paramref name="HoldersBps"/> &gt; 0 adds the
/// holder distributor as the last payee. Result: <c>{"streamId": n}</c>.
/// </summary>
public sealed record CreateRoyaltyStreamOnChain(Guid AssetId, IReadOnlyList<string> Payees, IReadOnlyList<ushort> Bps, ushort HoldersBps = 0) : ChainCommand
{
    public const string KindName = "splitter.create-stream";

    public override string Kind => KindName;
}

public enum ChainOperationStatus
{
    Pending = 1,
    /// <summary>Signed, with its nonce and hash stored, not yet known to be broadcast.</summary>
    Prepared = 2,
    Sent = 3,
    Confirmed = 4,
    Failed = 5,

    /// <summary>A failed operation its owner gave up (compensated): it can no longer be retried.</summary>
    Cancelled = 6,
}

/// <summary>What a caller may show about an enqueued operation (live progress, chain evidence).</summary>
public sealed record ChainOperationView(
    Guid Id,
    string Kind,
    string IdempotencyKey,
    ChainOperationStatus Status,
    string? TxHash,
    long? Nonce,
    long? BlockNumber,
    long? GasUsed,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? DependsOn = null,
    string? Result = null);

public sealed record EnqueuedOperation(Guid Id, bool AlreadyExisted);

/// <summary>The transactional outbox for chain writes.</summary>
public interface IChainOutbox
{
    /// <summary>
    /// Adds the command to the current unit of work (committed with the business change). When an
    /// operation with the same <paramref name="idempotencyKey"/> exists, returns it and adds nothing.
    /// </summary>
    Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="EnqueueAsync"/>, but the operation is sent only once operation
    /// <paramref name="after"/> is confirmed (it fails if that one fails); its handler can read the
    /// earlier operation's result (e.g. the on-chain asset id).
    /// </summary>
    Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken);

    Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken);
}
