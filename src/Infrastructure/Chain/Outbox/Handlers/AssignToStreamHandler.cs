using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class AssignToStreamHandler : SingleOperationHandler<AssignToStreamOnChain>
{
    public override string Kind => AssignToStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, AssignToStreamOnChain command, BuildContext context) =>
        new AssignReceivedFunction { StreamId = command.StreamId, Amount = command.Amount }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
}
