using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

/// <summary>IAssetToken.AssetTerms as an ABI tuple.</summary>
public sealed class AssetTermsTuple
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("address", "holder", 2)]
    public string Holder { get; set; } = "";

    [Parameter("uint128", "supply", 3)]
    public BigInteger Supply { get; set; }

    [Parameter("uint128", "maxHolding", 4)]
    public BigInteger MaxHolding { get; set; }

    [Parameter("uint64", "lockupEnd", 5)]
    public ulong LockupEnd { get; set; }

    [Parameter("address", "royaltyReceiver", 6)]
    public string RoyaltyReceiver { get; set; } = "0x0000000000000000000000000000000000000000";

    [Parameter("uint16", "royaltyBps", 7)]
    public ushort RoyaltyBps { get; set; }
}

[Function("createAsset", "uint256")]
public sealed class CreateAssetFunction : FunctionMessage
{
    [Parameter("tuple", "terms", 1)]
    public AssetTermsTuple Terms { get; set; } = new();
}

[Function("safeTransferFrom")]
public sealed class Erc1155SafeTransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 3)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "value", 4)]
    public BigInteger Value { get; set; }

    [Parameter("bytes", "data", 5)]
    public byte[] Data { get; set; } = [];
}

[Event("AssetCreated")]
public sealed class AssetCreatedEvent : IEventDTO
{
    [Parameter("uint256", "id", 1, true)]
    public BigInteger Id { get; set; }

    [Parameter("address", "issuer", 2, true)]
    public string Issuer { get; set; } = "";

    [Parameter("address", "holder", 3, true)]
    public string Holder { get; set; } = "";

    [Parameter("uint256", "supply", 4, false)]
    public BigInteger Supply { get; set; }

    [Parameter("uint256", "maxHolding", 5, false)]
    public BigInteger MaxHolding { get; set; }

    [Parameter("uint64", "lockupEnd", 6, false)]
    public ulong LockupEnd { get; set; }

    [Parameter("uint16", "royaltyBps", 7, false)]
    public ushort RoyaltyBps { get; set; }
}

[Function("anchorDocument", "uint256")]
public sealed class AnchorDocumentFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }

    [Parameter("string", "name", 2)]
    public string Name { get; set; } = "";

    [Parameter("string", "uri_", 3)]
    public string Uri { get; set; } = "";

    [Parameter("bytes32", "sha256Hash", 4)]
    public byte[] Sha256Hash { get; set; } = [];
}

[Function("documentAt", typeof(DocumentAtOutput))]
public sealed class DocumentAtFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "index", 2)]
    public BigInteger Index { get; set; }
}

[FunctionOutput]
public sealed class DocumentAtOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public DocumentTuple Document { get; set; } = new();
}

public sealed class DocumentTuple
{
    [Parameter("string", "name", 1)]
    public string Name { get; set; } = "";

    [Parameter("string", "uri", 2)]
    public string Uri { get; set; } = "";

    [Parameter("bytes32", "sha256Hash", 3)]
    public byte[] Sha256Hash { get; set; } = [];
}

[Function("totalSupply", "uint256")]
public sealed class TotalSupplyFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

[Function("documentCount", "uint256")]
public sealed class DocumentCountFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}
