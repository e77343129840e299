using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class DistributeStreamHandler : SingleOperationHandler<DistributeStreamOnChain>
{
    public override string Kind => DistributeStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, DistributeStreamOnChain command, BuildContext context) =>
        new DistributeFunction
        {
            Distributions = [StreamSplit.Of(command.StreamId, command.Payees, command.Bps, command.HoldersBps, context)],
        }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
}
