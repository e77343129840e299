using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("settleBatch", "bytes32")]
public sealed class SettleBatchFunction : FunctionMessage
{
    [Parameter("uint256", "batchId", 1)]
    public BigInteger BatchId { get; set; }

    [Parameter("address[]", "accounts", 2)]
    public List<string> Accounts { get; set; } = [];

    [Parameter("uint256[]", "assetIds", 3)]
    public List<BigInteger> AssetIds { get; set; } = [];

    [Parameter("uint256[]", "trades", 4)]
    public List<BigInteger> Trades { get; set; } = [];
}

[Event("BatchSettled")]
public sealed class BatchSettledEvent : IEventDTO
{
    [Parameter("uint256", "batchId", 1, true)]
    public BigInteger BatchId { get; set; }

    [Parameter("bytes32", "merkleRoot", 2, false)]
    public byte[] MerkleRoot { get; set; } = [];

    [Parameter("uint256", "tradeCount", 3, false)]
    public BigInteger TradeCount { get; set; }

    [Parameter("uint256", "notional", 4, false)]
    public BigInteger Notional { get; set; }

    [Parameter("uint256", "feeTotal", 5, false)]
    public BigInteger FeeTotal { get; set; }

    [Parameter("uint256", "royaltyTotal", 6, false)]
    public BigInteger RoyaltyTotal { get; set; }
}

[Function("balanceOfBatch", "uint256[]")]
public sealed class BalanceOfBatchFunction : FunctionMessage
{
    [Parameter("address[]", "accounts", 1)]
    public List<string> Accounts { get; set; } = [];

    [Parameter("uint256[]", "ids", 2)]
    public List<BigInteger> Ids { get; set; } = [];
}

[FunctionOutput]
public sealed class BalanceOfBatchOutput : IFunctionOutputDTO
{
    [Parameter("uint256[]", "balances", 1)]
    public List<BigInteger> Balances { get; set; } = [];
}
