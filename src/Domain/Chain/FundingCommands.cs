namespace TokenPlatform.Domain.Chain;

/// <summary>
/// The custodial wallet lets the payout router draw up to <paramref name="Cap"/> of its stablecoin (an
/// ERC-2612 permit, signed when the transaction is built, relayed by the operator). A cap of 0 takes the
/// allowance away (revocation).
/// </summary>
public sealed record AllowRouterSpendingOnChain(string UserId, string Owner, long Cap, DateTimeOffset Deadline) : ChainCommand
{
    public const string KindName = "stablecoin.permit-router";

    public override string Kind => KindName;
}

/// <summary>
/// Puts the wallet's standing authorization on the payout router: an EIP-712 message the custodial
/// wallet signs (with the router's current nonce for it) and the operator relays. The router then lets
/// automatic payouts draw at most <paramref name="Cap"/> until <paramref name="ExpiresAt"/>; a cap of 0
/// revokes. It replaces whatever authorization the wallet had there.
/// </summary>
public sealed record SetFundingAuthorizationOnChain(Guid AuthorizationId, string UserId, string Funder, long Cap, DateTimeOffset ExpiresAt) : ChainCommand
{
    public const string KindName = "router.set-authorization";

    public override string Kind => KindName;
}

/// <summary>
/// Pays one asset's distribution out in one transaction on the payout router: releases the deposits
/// (<paramref name="DepositFees"/> to the treasury, <paramref name="DepositToStream"/> into the stream),
/// draws the wallet's part under its standing authorization, splits the stream (funding the holder pool
/// with <paramref name="Root"/> when <paramref name="FundHolders"/>), withdraws the payees and pushes the
/// first batch of auto-paid holders. Atomic: when it fails, nothing moved. Several assets' payouts due at
/// once share one transaction.
/// </summary>
public sealed record ExecutePayoutOnChain(
    Guid DistributionId,
    long AssetTokenId,
    long StreamId,
    long DepositFees,
    long DepositToStream,
    string? Funder,
    long WalletFees,
    long WalletToStream,
    IReadOnlyList<string> Payees,
    IReadOnlyList<ushort> Bps,
    ushort HoldersBps,
    bool FundHolders,
    string Root,
    long TotalEntitled,
    IReadOnlyList<string> WithdrawPayees,
    IReadOnlyList<PayoutLeaf> Pushes,
    IReadOnlyList<string> Proof,
    IReadOnlyList<bool> Flags) : ChainCommand
{
    public const string KindName = "router.execute";

    public override string Kind => KindName;
}
