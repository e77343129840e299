namespace TokenPlatform.Domain.Chain;

public enum FeeParameter
{
    /// <summary>PrimarySale.setCommission: what self-custody buyers pay (custodial purchases carry their accepted rate).</summary>
    PrimaryCommission = 1,

    /// <summary>Settlement.setTradingFeeCap: the most a settled trade may be charged.</summary>
    TradingFeeCap = 2,

    /// <summary>AssetToken.setRoyaltyCap: the highest resale royalty a new asset may carry.</summary>
    ResaleRoyaltyCap = 3,
}

/// <summary>Sets one fee parameter that lives on chain, for a fee schedule version.</summary>
public sealed record SetFeeParameterOnChain(Guid ScheduleId, FeeParameter Parameter, ushort Bps) : ChainCommand
{
    public const string KindName = "fees.set-parameter";

    public override string Kind => KindName;
}

/// <summary>Pauses or unpauses every transfer of one asset (compliance).</summary>
public sealed record SetAssetPausedOnChain(Guid AssetId, long AssetTokenId, bool Paused) : ChainCommand
{
    public const string KindName = "token.set-paused";

    public override string Kind => KindName;
}

/// <summary>Freezes or unfreezes an address in the investor registry (compliance).</summary>
public sealed record SetFrozenOnChain(string Address, bool Frozen) : ChainCommand
{
    public const string KindName = "registry.set-frozen";

    public override string Kind => KindName;
}

/// <summary>Moves fractions without the holder's signature (recovery of a lost wallet, court order), with the reason recorded on chain.</summary>
public sealed record ForcedTransferOnChain(Guid AssetId, long AssetTokenId, string From, string To, long Amount, string Reason) : ChainCommand
{
    public const string KindName = "token.forced-transfer";

    public override string Kind => KindName;
}
