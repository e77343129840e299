using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("openOffering")]
public sealed class OpenOfferingFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint128", "price", 2)]
    public BigInteger Price { get; set; }

    [Parameter("uint128", "minPurchase", 3)]
    public BigInteger MinPurchase { get; set; }

    [Parameter("uint64", "start", 4)]
    public ulong Start { get; set; }

    [Parameter("uint64", "end", 5)]
    public ulong End { get; set; }
}

[Function("available", "uint256")]
public sealed class AvailableFunction : FunctionMessage
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }
}

[Function("createStream", "uint256")]
public sealed class CreateStreamFunction : FunctionMessage
{
    [Parameter("address[]", "payees", 1)]
    public List<string> Payees { get; set; } = [];

    [Parameter("uint16[]", "bps", 2)]
    public List<ushort> Bps { get; set; } = [];
}

[Event("StreamCreated")]
public sealed class StreamCreatedEvent : IEventDTO
{
    [Parameter("uint256", "streamId", 1, true)]
    public BigInteger StreamId { get; set; }

    [Parameter("bytes32", "splitHash", 2, false)]
    public byte[] SplitHash { get; set; } = [];

    [Parameter("address[]", "payees", 3, false)]
    public List<string> Payees { get; set; } = [];

    [Parameter("uint16[]", "bps", 4, false)]
    public List<ushort> Bps { get; set; } = [];
}
