using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// Automatic payouts on the router, one transaction for several assets due at once (a failing row is
/// retried alone by the outbox). Few rows per transaction: each may carry a batch of holder pushes.
/// </summary>
internal sealed class ExecutePayoutHandler : IChainOperationHandler
{
    public string Kind => ExecutePayoutOnChain.KindName;

    public int MaxGroupSize => 5;

    public ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var payouts = rows.Select(r => JsonSerializer.Deserialize<ExecutePayoutOnChain>(r.Payload, PayloadJson.Options)!).Select(c => new PayoutTuple
        {
            AssetId = c.AssetTokenId,
            DepositFees = c.DepositFees,
            DepositToStream = c.DepositToStream,
            Funder = c.Funder ?? Nethereum.Util.AddressUtil.ZERO_ADDRESS,
            WalletFees = c.WalletFees,
            WalletToStream = c.WalletToStream,
            Split = StreamSplit.Of(c.StreamId, c.Payees, c.Bps, c.HoldersBps, context),
            FundHolders = c.FundHolders,
            Root = c.Root.HexToByteArray(),
            TotalEntitled = c.TotalEntitled,
            WithdrawPayees = c.WithdrawPayees.ToList(),
            Pushes = c.Pushes.Select(e => new PushEntryTuple { Index = e.Index, Account = e.Account, Cumulative = e.Cumulative }).ToList(),
            Proof = c.Proof.Select(p => p.HexToByteArray()).ToList(),
            ProofFlags = c.Flags.ToList(),
        }).ToList();
        return ValueTask.FromResult(new ExecutePayoutsFunction { Payouts = payouts, Treasury = context.Chain.OperatorAddress }.CreateTransactionInput(context.Contracts.PayoutRouter));
    }

    public string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new PayoutsExecutedResult(receipt.DecodeAllEvents<PayoutExecutedEvent>().Count,
            (long)receipt.DecodeAllEvents<WithdrawnEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount),
            receipt.DecodeAllEvents<WithdrawalDeferredEvent>().Count));
}
