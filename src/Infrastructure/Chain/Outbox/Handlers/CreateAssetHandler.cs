using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class CreateAssetHandler : SingleOperationHandler<CreateAssetOnChain>
{
    public override string Kind => CreateAssetOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateAssetOnChain command, BuildContext context) =>
        new CreateAssetFunction
        {
            Terms = new AssetTermsTuple
            {
                Issuer = command.Issuer,
                Holder = context.Contracts.PrimarySale,
                Supply = command.Supply,
                MaxHolding = command.MaxHolding,
                LockupEnd = command.LockupEnd is { } end ? (ulong)end.ToUnixTimeSeconds() : 0,
                RoyaltyReceiver = command.RoyaltyBps > 0 ? context.Contracts.RoyaltySplitter : "0x0000000000000000000000000000000000000000",
                RoyaltyBps = command.RoyaltyBps,
            },
        }.CreateTransactionInput(context.Contracts.AssetToken);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<AssetCreatedEvent>() is [var created, ..] ? ChainResults.Write(new AssetCreatedResult((long)created.Event.Id)) : null;
}
