using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("receiverOf", "address")]
public sealed class ReceiverOfFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }
}

[Function("createReceiver", "address")]
public sealed class CreateReceiverFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "streamId", 2)]
    public BigInteger StreamId { get; set; }
}

[Function("release")]
public sealed class ReleaseDepositFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("address", "treasury", 2)]
    public string Treasury { get; set; } = "";

    [Parameter("uint256", "fees", 3)]
    public BigInteger Fees { get; set; }

    [Parameter("uint256", "toStream", 4)]
    public BigInteger ToStream { get; set; }
}

/// <summary>IRevenueReceivers.Release.</summary>
public sealed class ReleaseTuple
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "fees", 2)]
    public BigInteger Fees { get; set; }

    [Parameter("uint256", "toStream", 3)]
    public BigInteger ToStream { get; set; }
}

/// <summary>Releases several assets' deposits in one transaction (all or nothing).</summary>
[Function("releaseMany")]
public sealed class ReleaseManyFunction : FunctionMessage
{
    [Parameter("tuple[]", "releases", 1)]
    public List<ReleaseTuple> Releases { get; set; } = [];

    [Parameter("address", "treasury", 2)]
    public string Treasury { get; set; } = "";
}

[Event("ReceiverCreated")]
public sealed class ReceiverCreatedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "streamId", 2, true)]
    public BigInteger StreamId { get; set; }

    [Parameter("address", "receiver", 3, false)]
    public string Receiver { get; set; } = "";
}
