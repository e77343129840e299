using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("setCommission")]
public sealed class SetCommissionFunction : FunctionMessage
{
    [Parameter("uint16", "commissionBps", 1)]
    public ushort CommissionBps { get; set; }
}

[Function("commissionBps", "uint16")]
public sealed class CommissionBpsFunction : FunctionMessage;

[Function("setTradingFeeCap")]
public sealed class SetTradingFeeCapFunction : FunctionMessage
{
    [Parameter("uint16", "capBps", 1)]
    public ushort CapBps { get; set; }
}

[Function("setRoyaltyCap")]
public sealed class SetRoyaltyCapFunction : FunctionMessage
{
    [Parameter("uint16", "capBps", 1)]
    public ushort CapBps { get; set; }
}

[Function("setAssetPaused")]
public sealed class SetAssetPausedFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }

    [Parameter("bool", "paused", 2)]
    public bool Paused { get; set; }
}

[Function("setFrozen")]
public sealed class SetFrozenFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bool", "frozen", 2)]
    public bool Frozen { get; set; }
}

[Function("forcedTransfer")]
public sealed class ForcedTransferFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 3)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }

    [Parameter("string", "reason", 5)]
    public string Reason { get; set; } = "";
}

/// <summary>IAssetToken.canTransfer: the compliance verdict for a transfer (0 = allowed; see IAssetToken.TransferStatus).</summary>
[Function("canTransfer", "uint8")]
public sealed class CanTransferFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 3)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }
}

[Function("tradingFeeCapBps", "uint16")]
public sealed class TradingFeeCapBpsFunction : FunctionMessage;
