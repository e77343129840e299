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

/// <summary>Assigns tokens the splitter received (pulled from the funder) to the asset's stream.</summary>
public sealed record AssignToStreamOnChain(Guid DistributionId, long StreamId, long Amount) : ChainCommand
{
    public const string KindName = "splitter.assign-received";

    public override string Kind => KindName;
}

/// <summary>Splits the stream by its stored split: the payees, then the holder distributor (largest remainder).</summary>
public sealed record DistributeStreamOnChain(Guid DistributionId, long StreamId, IReadOnlyList<string> Payees, IReadOnlyList<ushort> Bps, ushort HoldersBps) : ChainCommand
{
    public const string KindName = "splitter.distribute";

    public override string Kind => KindName;
}

/// <summary>Funds the asset's holder pool with the holders' share and publishes the new cumulative root.</summary>
public sealed record FundHoldersOnChain(Guid DistributionId, long AssetTokenId, string Root, long TotalEntitled) : ChainCommand
{
    public const string KindName = "distributor.fund-from-splitter";

    public override string Kind => KindName;
}

/// <summary>Sends a payee everything the splitter credited it.</summary>
public sealed record WithdrawPayeeOnChain(Guid DistributionId, string Payee) : ChainCommand
{
    public const string KindName = "splitter.withdraw";

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
