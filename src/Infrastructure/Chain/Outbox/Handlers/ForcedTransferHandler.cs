using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class ForcedTransferHandler : SingleOperationHandler<ForcedTransferOnChain>
{
    public override string Kind => ForcedTransferOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, ForcedTransferOnChain command, BuildContext context) =>
        new ForcedTransferFunction { From = command.From, To = command.To, Id = command.AssetTokenId, Amount = command.Amount, Reason = command.Reason }
            .CreateTransactionInput(context.Contracts.AssetToken);
}
