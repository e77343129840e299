using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class OpenOfferingHandler : SingleOperationHandler<OpenOfferingOnChain>
{
    public override string Kind => OpenOfferingOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, OpenOfferingOnChain command, BuildContext context) =>
        new OpenOfferingFunction
        {
            AssetId = context.Result<AssetCreatedResult>(row).AssetTokenId,
            Price = command.PricePerFraction,
            MinPurchase = command.MinimumPurchase,
            Start = (ulong)command.Start.ToUnixTimeSeconds(),
            End = (ulong)command.End.ToUnixTimeSeconds(),
        }.CreateTransactionInput(context.Contracts.PrimarySale);
}
