using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("mint")]
public sealed class MintFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("transfer", "bool")]
public sealed class Erc20TransferFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

[Function("balanceOf", "uint256")]
public sealed class Erc20BalanceOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";
}

[Function("balanceOf", "uint256")]
public sealed class Erc1155BalanceOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "id", 2)]
    public BigInteger Id { get; set; }
}

[Function("setRegistry")]
public sealed class SetRegistryFunction : FunctionMessage
{
    [Parameter("address", "registry", 1)]
    public string Registry { get; set; } = "";
}

[Event("TransferSingle")]
public sealed class TransferSingleEvent : IEventDTO
{
    [Parameter("address", "operator", 1, true)]
    public string Operator { get; set; } = "";

    [Parameter("address", "from", 2, true)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 3, true)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 4, false)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "value", 5, false)]
    public BigInteger Value { get; set; }
}

[Event("TransferBatch")]
public sealed class TransferBatchEvent : IEventDTO
{
    [Parameter("address", "operator", 1, true)]
    public string Operator { get; set; } = "";

    [Parameter("address", "from", 2, true)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 3, true)]
    public string To { get; set; } = "";

    [Parameter("uint256[]", "ids", 4, false)]
    public List<BigInteger> Ids { get; set; } = [];

    [Parameter("uint256[]", "values", 5, false)]
    public List<BigInteger> Values { get; set; } = [];
}

[Event("Transfer")]
public sealed class Erc20TransferEvent : IEventDTO
{
    [Parameter("address", "from", 1, true)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2, true)]
    public string To { get; set; } = "";

    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}
