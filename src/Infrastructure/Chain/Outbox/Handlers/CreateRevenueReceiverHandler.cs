using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Creates an asset's deposit receiver at its predicted address.</summary>
internal sealed class CreateRevenueReceiverHandler : SingleOperationHandler<CreateRevenueReceiverOnChain>
{
    public override string Kind => CreateRevenueReceiverOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateRevenueReceiverOnChain command, BuildContext context) =>
        new CreateReceiverFunction { AssetId = command.AssetTokenId, StreamId = command.StreamId }.CreateTransactionInput(context.Contracts.RevenueReceivers);
}
