using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The operator moves a funder's stablecoin (fees to the treasury, the rest to the splitter).</summary>
internal sealed class PullFundsHandler : SingleOperationHandler<PullFundsOnChain>
{
    public override string Kind => PullFundsOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, PullFundsOnChain command, BuildContext context) =>
        new TransferFromFunction
        {
            From = command.From,
            // The deployment makes the operator the treasury of the sale and settlement contracts.
            To = command.To == PayoutDestination.Treasury ? context.Chain.OperatorAddress : context.Contracts.RoyaltySplitter,
            Value = command.Amount,
        }.CreateTransactionInput(context.Contracts.TestUsd);
}

internal sealed class AssignToStreamHandler : SingleOperationHandler<AssignToStreamOnChain>
{
    public override string Kind => AssignToStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, AssignToStreamOnChain command, BuildContext context) =>
        new AssignReceivedFunction { StreamId = command.StreamId, Amount = command.Amount }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
}

internal sealed class DistributeStreamHandler : SingleOperationHandler<DistributeStreamOnChain>
{
    public override string Kind => DistributeStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, DistributeStreamOnChain command, BuildContext context) =>
        new DistributeFunction
        {
            Distributions = [StreamSplit.Of(command.StreamId, command.Payees, command.Bps, command.HoldersBps, context)],
        }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
}

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

internal sealed class WithdrawPayeesHandler : SingleOperationHandler<WithdrawPayeesOnChain>
{
    public override string Kind => WithdrawPayeesOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, WithdrawPayeesOnChain command, BuildContext context) =>
        new SplitterWithdrawManyFunction { Payees = command.Payees.ToList() }.CreateTransactionInput(context.Contracts.RoyaltySplitter);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new PayeesPaidResult((long)receipt.DecodeAllEvents<WithdrawnEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount),
            receipt.DecodeAllEvents<WithdrawalDeferredEvent>().Count));
}

/// <summary>Creates an asset's deposit receiver at its predicted address.</summary>
internal sealed class CreateRevenueReceiverHandler : SingleOperationHandler<CreateRevenueReceiverOnChain>
{
    public override string Kind => CreateRevenueReceiverOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateRevenueReceiverOnChain command, BuildContext context) =>
        new CreateReceiverFunction { AssetId = command.AssetTokenId, StreamId = command.StreamId }.CreateTransactionInput(context.Contracts.RevenueReceivers);
}

/// <summary>
/// Releases assets' deposits: fees to the treasury (the operator), the rest into each stream. Several
/// assets due at once share one transaction (releaseMany; a bad row is retried alone by the outbox).
/// </summary>
internal sealed class ReleaseDepositHandler : IChainOperationHandler
{
    public string Kind => ReleaseDepositOnChain.KindName;

    public int MaxGroupSize => 20;

    public ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var commands = rows.Select(r => System.Text.Json.JsonSerializer.Deserialize<ReleaseDepositOnChain>(r.Payload, PayloadJson.Options)!).ToList();
        return ValueTask.FromResult(commands.Count == 1
            ? new ReleaseDepositFunction { AssetId = commands[0].AssetTokenId, Treasury = context.Chain.OperatorAddress, Fees = commands[0].Fees, ToStream = commands[0].ToStream }
                .CreateTransactionInput(context.Contracts.RevenueReceivers)
            : new ReleaseManyFunction
            {
                Releases = commands.Select(c => new ReleaseTuple { AssetId = c.AssetTokenId, Fees = c.Fees, ToStream = c.ToStream }).ToList(),
                Treasury = context.Chain.OperatorAddress,
            }.CreateTransactionInput(context.Contracts.RevenueReceivers));
    }
}

/// <summary>The stream's stored split as the splitter hashes it: the payees, then the holder distributor with the holders' share.</summary>
internal static class StreamSplit
{
    public static StreamDistributionTuple Of(long streamId, IReadOnlyList<string> payees, IReadOnlyList<ushort> bps, ushort holdersBps, BuildContext context) => new()
    {
        StreamId = streamId,
        Payees = holdersBps > 0 ? [.. payees, context.Contracts.HolderDistributor] : payees.ToList(),
        Bps = holdersBps > 0 ? [.. bps, holdersBps] : bps.ToList(),
    };
}

internal sealed class PushPayoutsHandler : SingleOperationHandler<PushPayoutsOnChain>
{
    public override string Kind => PushPayoutsOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, PushPayoutsOnChain command, BuildContext context) =>
        new PushFunction
        {
            AssetId = command.AssetTokenId,
            Entries = command.Entries.Select(e => new PushEntryTuple { Index = e.Index, Account = e.Account, Cumulative = e.Cumulative }).ToList(),
            Proof = command.Proof.Select(p => p.HexToByteArray()).ToList(),
            ProofFlags = command.Flags.ToList(),
        }.CreateTransactionInput(context.Contracts.HolderDistributor);
}

internal sealed class ClaimPayoutsHandler : SingleOperationHandler<ClaimPayoutsOnChain>
{
    public override string Kind => ClaimPayoutsOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, ClaimPayoutsOnChain command, BuildContext context) =>
        new ClaimManyFunction
        {
            Claims = command.Claims.Select(c => new ClaimTuple
            {
                AssetId = c.AssetTokenId,
                Index = c.Leaf.Index,
                Account = c.Leaf.Account,
                Cumulative = c.Leaf.Cumulative,
                Proof = c.Proof.Select(p => p.HexToByteArray()).ToList(),
            }).ToList(),
        }.CreateTransactionInput(context.Contracts.HolderDistributor);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new ClaimedResult((long)receipt.DecodeAllEvents<ClaimedEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount)));
}
