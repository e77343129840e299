using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class FundHoldersHandler : SingleOperationHandler<FundHoldersOnChain>
{
    public override string Kind => FundHoldersOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, FundHoldersOnChain command, BuildContext context) =>
        new FundFromSplitterFunction
        {
            Splitter = context.Contracts.RoyaltySplitter,
            Split = StreamSplit.Of(command.StreamId, command.Payees, command.Bps, command.HoldersBps, context),
            AssetId = command.AssetTokenId,
            Root = command.Root.HexToByteArray(),
            TotalEntitled = command.TotalEntitled,
        }.CreateTransactionInput(context.Contracts.HolderDistributor);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<HoldersFundedEvent>() is [var funded, ..]
            ? ChainResults.Write(new HoldersFundedResult((long)funded.Event.Amount, funded.Event.Root.ToHex(true), (long)funded.Event.TotalEntitled))
            : null;
}
