using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("transferFrom", "bool")]
public sealed class TransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "value", 3)]
    public BigInteger Value { get; set; }
}

[Function("assignReceived")]
public sealed class AssignReceivedFunction : FunctionMessage
{
    [Parameter("uint256", "streamId", 1)]
    public BigInteger StreamId { get; set; }

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary>IRoyaltySplitter.Distribution as an ABI tuple.</summary>
public sealed class StreamDistributionTuple
{
    [Parameter("uint256", "streamId", 1)]
    public BigInteger StreamId { get; set; }

    [Parameter("address[]", "payees", 2)]
    public List<string> Payees { get; set; } = [];

    [Parameter("uint16[]", "bps", 3)]
    public List<ushort> Bps { get; set; } = [];
}

[Function("distribute")]
public sealed class DistributeFunction : FunctionMessage
{
    [Parameter("tuple[]", "distributions", 1)]
    public List<StreamDistributionTuple> Distributions { get; set; } = [];
}

[Function("withdraw", "uint256")]
public sealed class SplitterWithdrawFunction : FunctionMessage
{
    [Parameter("address", "payee", 1)]
    public string Payee { get; set; } = "";
}

/// <summary>Pays several payees what the splitter credited them; payees with nothing owed or frozen are skipped.</summary>
[Function("withdrawMany", "uint256")]
public sealed class SplitterWithdrawManyFunction : FunctionMessage
{
    [Parameter("address[]", "payees", 1)]
    public List<string> Payees { get; set; } = [];
}

[Function("withdrawable", "uint256")]
public sealed class SplitterWithdrawableFunction : FunctionMessage
{
    [Parameter("address", "payee", 1)]
    public string Payee { get; set; } = "";
}

[Function("holdersShareOf", "uint256")]
public sealed class HoldersShareOfFunction : FunctionMessage
{
    [Parameter("uint256", "streamId", 1)]
    public BigInteger StreamId { get; set; }
}

[Function("holderDistributor", "address")]
public sealed class HolderDistributorOfFunction : FunctionMessage
{
}

[Function("setHolderDistributor")]
public sealed class SetHolderDistributorFunction : FunctionMessage
{
    [Parameter("address", "distributor", 1)]
    public string Distributor { get; set; } = "";
}

/// <summary>Splitter and distributor: the registry whose frozen flag stops payouts.</summary>
[Function("setRegistry")]
public sealed class SetPayoutRegistryFunction : FunctionMessage
{
    [Parameter("address", "registry", 1)]
    public string Registry { get; set; } = "";
}

/// <summary>Splits the stream and funds the asset's holder pool with the holders' share, in one transaction.</summary>
[Function("fundFromSplitter", "uint256")]
public sealed class FundFromSplitterFunction : FunctionMessage
{
    [Parameter("address", "splitter", 1)]
    public string Splitter { get; set; } = "";

    [Parameter("tuple", "split", 2)]
    public StreamDistributionTuple Split { get; set; } = new();

    [Parameter("uint256", "assetId", 3)]
    public BigInteger AssetId { get; set; }

    [Parameter("bytes32", "root", 4)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint256", "totalEntitled", 5)]
    public BigInteger TotalEntitled { get; set; }
}

[Event("Withdrawn")]
public sealed class WithdrawnEvent : IEventDTO
{
    [Parameter("address", "payee", 1, true)]
    public string Payee { get; set; } = "";

    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }
}

[Event("WithdrawalDeferred")]
public sealed class WithdrawalDeferredEvent : IEventDTO
{
    [Parameter("address", "payee", 1, true)]
    public string Payee { get; set; } = "";

    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }
}

[Event("Funded")]
public sealed class HoldersFundedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }

    [Parameter("bytes32", "root", 3, false)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint256", "totalEntitled", 4, false)]
    public BigInteger TotalEntitled { get; set; }
}

[Event("ClaimSkipped")]
public sealed class ClaimSkippedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "index", 2, true)]
    public BigInteger Index { get; set; }

    [Parameter("address", "account", 3, true)]
    public string Account { get; set; } = "";

    [Parameter("uint8", "reason", 4, false)]
    public byte Reason { get; set; }
}

/// <summary>IHolderDistributor.PushEntry.</summary>
public sealed class PushEntryTuple
{
    [Parameter("uint256", "index", 1)]
    public BigInteger Index { get; set; }

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "cumulative", 3)]
    public BigInteger Cumulative { get; set; }
}

[Function("push")]
public sealed class PushFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("tuple[]", "entries", 2)]
    public List<PushEntryTuple> Entries { get; set; } = [];

    [Parameter("bytes32[]", "proof", 3)]
    public List<byte[]> Proof { get; set; } = [];

    [Parameter("bool[]", "proofFlags", 4)]
    public List<bool> ProofFlags { get; set; } = [];
}

/// <summary>IHolderDistributor.Claim.</summary>
public sealed class ClaimTuple
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "index", 2)]
    public BigInteger Index { get; set; }

    [Parameter("address", "account", 3)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "cumulative", 4)]
    public BigInteger Cumulative { get; set; }

    [Parameter("bytes32[]", "proof", 5)]
    public List<byte[]> Proof { get; set; } = [];
}

[Function("claimMany", "uint256")]
public sealed class ClaimManyFunction : FunctionMessage
{
    [Parameter("tuple[]", "claims", 1)]
    public List<ClaimTuple> Claims { get; set; } = [];
}

[Function("claimed", "uint256")]
public sealed class ClaimedFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "index", 2)]
    public BigInteger Index { get; set; }
}

[Event("Claimed")]
public sealed class ClaimedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("address", "account", 2, true)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "index", 3, false)]
    public BigInteger Index { get; set; }

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }
}

[Function("poolOf", typeof(PoolOfOutput))]
public sealed class PoolOfFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }
}

[FunctionOutput]
public sealed class PoolOfOutput : IFunctionOutputDTO
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint256", "funded", 2)]
    public BigInteger Funded { get; set; }

    [Parameter("uint256", "paid", 3)]
    public BigInteger Paid { get; set; }

    [Parameter("uint256", "totalEntitled", 4)]
    public BigInteger TotalEntitled { get; set; }
}
