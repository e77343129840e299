using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class ClaimPayoutsHandler : SingleOperationHandler<ClaimPayoutsOnChain>
{
    public override string Kind => ClaimPayoutsOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, ClaimPayoutsOnChain command, BuildContext context) =>
        new ClaimManyFunction
        {
            Claims = command.Claims.Select(c => new ClaimTuple
            {
                AssetId = c.AssetTokenId,
                Index = c.Leaf.Index,
                Account = c.Leaf.Account,
                Cumulative = c.Leaf.Cumulative,
                Proof = c.Proof.Select(p => p.HexToByteArray()).ToList(),
            }).ToList(),
        }.CreateTransactionInput(context.Contracts.HolderDistributor);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new ClaimedResult((long)receipt.DecodeAllEvents<ClaimedEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount)));
}
