using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class SetFrozenHandler : SingleOperationHandler<SetFrozenOnChain>
{
    public override string Kind => SetFrozenOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, SetFrozenOnChain command, BuildContext context) =>
        new SetFrozenFunction { Account = command.Address, Frozen = command.Frozen }.CreateTransactionInput(context.Contracts.Settlement);
}
