using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class SetAssetPausedHandler : SingleOperationHandler<SetAssetPausedOnChain>
{
    public override string Kind => SetAssetPausedOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, SetAssetPausedOnChain command, BuildContext context) =>
        new SetAssetPausedFunction { Id = command.AssetTokenId, Paused = command.Paused }.CreateTransactionInput(context.Contracts.AssetToken);
}
