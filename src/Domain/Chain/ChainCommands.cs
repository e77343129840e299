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
