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
            Distributions =
            [
                new StreamDistributionTuple
                {
                    StreamId = command.StreamId,
                    Payees = command.HoldersBps > 0 ? [.. command.Payees, context.Contracts.HolderDistributor] : command.Payees.ToList(),
                    Bps = command.HoldersBps > 0 ? [.. command.Bps, command.HoldersBps] : command.Bps.ToList(),
                },
            ],
        }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
}

internal sealed class FundHoldersHandler : SingleOperationHandler<FundHoldersOnChain>
{
    public override string Kind => FundHoldersOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, FundHoldersOnChain command, BuildContext context) =>
        new FundFromSplitterFunction
        {
            Splitter = context.Contracts.RoyaltySplitter,
            AssetId = command.AssetTokenId,
            Root = command.Root.HexToByteArray(),
            TotalEntitled = command.TotalEntitled,
        }.CreateTransactionInput(context.Contracts.HolderDistributor);
}

internal sealed class WithdrawPayeeHandler : SingleOperationHandler<WithdrawPayeeOnChain>
{
    public override string Kind => WithdrawPayeeOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, WithdrawPayeeOnChain command, BuildContext context) =>
        new SplitterWithdrawFunction { Payee = command.Payee }.CreateTransactionInput(context.Contracts.RoyaltySplitter);
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
        $"{{\"claimed\":{receipt.DecodeAllEvents<ClaimedEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount)}}}";
}
