using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

/// <summary>IPrimarySale.PurchaseOrder: what the buyer signs (EIP-712).</summary>
public sealed class PurchaseOrderTuple
{
    [Parameter("address", "buyer", 1)]
    public string Buyer { get; set; } = "";

    [Parameter("uint256", "assetId", 2)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "quantity", 3)]
    public BigInteger Quantity { get; set; }

    [Parameter("uint16", "commissionBps", 4)]
    public ushort CommissionBps { get; set; }

    [Parameter("uint256", "nonce", 5)]
    public BigInteger Nonce { get; set; }

    [Parameter("uint256", "deadline", 6)]
    public BigInteger Deadline { get; set; }
}

[Function("buyFor", "uint256")]
public sealed class BuyForFunction : FunctionMessage
{
    [Parameter("tuple", "order", 1)]
    public PurchaseOrderTuple Order { get; set; } = new();

    [Parameter("bytes", "signature", 2)]
    public byte[] Signature { get; set; } = [];
}

[Function("domainSeparator", "bytes32")]
public sealed class SaleDomainSeparatorFunction : FunctionMessage;

[Function("orderDigest", "bytes32")]
public sealed class OrderDigestFunction : FunctionMessage
{
    [Parameter("tuple", "order", 1)]
    public PurchaseOrderTuple Order { get; set; } = new();
}

[Event("Purchased")]
public sealed class PurchasedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("address", "buyer", 2, true)]
    public string Buyer { get; set; } = "";

    [Parameter("uint256", "quantity", 3, false)]
    public BigInteger Quantity { get; set; }

    [Parameter("uint256", "cost", 4, false)]
    public BigInteger Cost { get; set; }

    [Parameter("uint256", "commission", 5, false)]
    public BigInteger Commission { get; set; }

    [Parameter("uint16", "commissionBps", 6, false)]
    public ushort CommissionBps { get; set; }
}

/// <summary>ERC-2612 permit, submitted by the operator on behalf of the signing owner.</summary>
[Function("permit")]
public sealed class PermitFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";

    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = "";

    [Parameter("uint256", "value", 3)]
    public BigInteger Value { get; set; }

    [Parameter("uint256", "deadline", 4)]
    public BigInteger Deadline { get; set; }

    [Parameter("uint8", "v", 5)]
    public byte V { get; set; }

    [Parameter("bytes32", "r", 6)]
    public byte[] R { get; set; } = [];

    [Parameter("bytes32", "s", 7)]
    public byte[] S { get; set; } = [];
}

[Function("nonces", "uint256")]
public sealed class NoncesFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";
}

[Function("DOMAIN_SEPARATOR", "bytes32")]
public sealed class DomainSeparatorFunction : FunctionMessage;

[Function("allowance", "uint256")]
public sealed class AllowanceFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";

    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = "";
}
