using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class CreateRoyaltyStreamHandler : SingleOperationHandler<CreateRoyaltyStreamOnChain>
{
    public override string Kind => CreateRoyaltyStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateRoyaltyStreamOnChain command, BuildContext context) =>
        new CreateStreamFunction
        {
            Payees = command.HoldersBps > 0 ? [.. command.Payees, context.Contracts.HolderDistributor] : command.Payees.ToList(),
            Bps = command.HoldersBps > 0 ? [.. command.Bps, command.HoldersBps] : command.Bps.ToList(),
        }.CreateTransactionInput(context.Contracts.RoyaltySplitter);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<StreamCreatedEvent>() is [var created, ..] ? ChainResults.Write(new StreamCreatedResult((long)created.Event.StreamId)) : null;
}
