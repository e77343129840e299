using Nethereum.Contracts;
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
