using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class WithdrawPayeesHandler : SingleOperationHandler<WithdrawPayeesOnChain>
{
    public override string Kind => WithdrawPayeesOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, WithdrawPayeesOnChain command, BuildContext context) =>
        new SplitterWithdrawManyFunction { Payees = command.Payees.ToList() }.CreateTransactionInput(context.Contracts.RoyaltySplitter);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new PayeesPaidResult((long)receipt.DecodeAllEvents<WithdrawnEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount),
            receipt.DecodeAllEvents<WithdrawalDeferredEvent>().Count));
}
