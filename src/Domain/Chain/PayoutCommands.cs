namespace TokenPlatform.Domain.Chain;

/// <summary>The custodial wallet lets the platform's operator draw its stablecoin (signed ERC-2612 permit), to fund distributions without gas.</summary>
public sealed record AllowOperatorSpendingOnChain(string UserId, string Owner) : ChainCommand
{
    public const string KindName = "stablecoin.permit-operator";

    public override string Kind => KindName;
}

public enum PayoutDestination
{
    /// <summary>The platform treasury (fees).</summary>
    Treasury = 1,

    /// <summary>The royalty splitter (then assigned to the asset's stream).</summary>
    Splitter = 2,
}

/// <summary>The operator moves <paramref name="Amount"/> from the funder's wallet (allowance from the permit).</summary>
public sealed record PullFundsOnChain(Guid DistributionId, string From, PayoutDestination To, long Amount) : ChainCommand
{
    public const string KindName = "stablecoin.transfer-from";

    public override string Kind => KindName;
}

/// <summary>
/// Releases what sits at an asset's deposit address: <paramref name="Fees"/> to the treasury and
/// <paramref name="ToStream"/> into the asset's stream on the splitter, in one transaction.
/// </summary>
public sealed record ReleaseDepositOnChain(Guid DistributionId, long AssetTokenId, long Fees, long ToStream) : ChainCommand
{
    public const string KindName = "receivers.release";

    public override string Kind => KindName;
}

/// <summary>Creates the asset's deposit address (a receiver bound to its stream) at the address it was given in advance.</summary>
public sealed record CreateRevenueReceiverOnChain(Guid AssetId, long AssetTokenId, long StreamId) : ChainCommand
{
    public const string KindName = "receivers.create";

    public override string Kind => KindName;
}

/// <summary>Assigns tokens the splitter received (pulled from the funder) to the asset's stream.</summary>
public sealed record AssignToStreamOnChain(Guid DistributionId, long StreamId, long Amount) : ChainCommand
{
    public const string KindName = "splitter.assign-received";

    public override string Kind => KindName;
}

/// <summary>
/// Splits the stream by its stored split (payees, then the holder distributor, largest remainder) when
/// the holders get nothing this time. Anyone may split a stream on chain: if someone already did, this
/// step finds nothing left to split and succeeds.
/// </summary>
public sealed record DistributeStreamOnChain(Guid DistributionId, long StreamId, IReadOnlyList<string> Payees, IReadOnlyList<ushort> Bps, ushort HoldersBps) : ChainCommand
{
    public const string KindName = "splitter.distribute";

    public override string Kind => KindName;
}

/// <summary>
/// In one transaction: splits the stream (as <see cref="DistributeStreamOnChain"/>) and funds the
/// asset's holder pool with exactly the stream's holders' share, publishing the new cumulative root.
/// The splitter keeps the holders' share per stream and releases it only to the distributor, so no
/// outsider call can strand it or move it to another asset. Idempotent: run again, nothing is left
/// to release and the same root is published again.
/// </summary>
public sealed record FundHoldersOnChain(Guid DistributionId, long AssetTokenId, long StreamId, IReadOnlyList<string> Payees, IReadOnlyList<ushort> Bps, ushort HoldersBps, string Root, long TotalEntitled)
    : ChainCommand
{
    public const string KindName = "distributor.split-and-fund";

    public override string Kind => KindName;
}

/// <summary>
/// Sends the payees what the splitter credited them, in one transaction. A payee who already withdrew
/// is skipped (the step is done, not failed); a frozen payee's credit stays in the splitter until it is unfrozen.
/// </summary>
public sealed record WithdrawPayeesOnChain(Guid DistributionId, IReadOnlyList<string> Payees) : ChainCommand
{
    public const string KindName = "splitter.withdraw-many";

    public override string Kind => KindName;
}

public sealed record PayoutLeaf(int Index, string Account, long Cumulative);

/// <summary>Pays a batch of auto-pay holders of one asset (one multiproof).</summary>
public sealed record PushPayoutsOnChain(Guid DistributionId, long AssetTokenId, IReadOnlyList<PayoutLeaf> Entries, IReadOnlyList<string> Proof, IReadOnlyList<bool> Flags) : ChainCommand
{
    public const string KindName = "distributor.push";

    public override string Kind => KindName;
}

public sealed record PayoutClaim(long AssetTokenId, PayoutLeaf Leaf, IReadOnlyList<string> Proof);

/// <summary>Claims everything owed to one account across assets in one transaction (funds go to the account).</summary>
public sealed record ClaimPayoutsOnChain(string UserId, IReadOnlyList<PayoutClaim> Claims) : ChainCommand
{
    public const string KindName = "distributor.claim-many";

    public override string Kind => KindName;
}
