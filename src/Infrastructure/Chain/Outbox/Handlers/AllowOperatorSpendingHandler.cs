using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Lets the operator draw a funder's stablecoin (distributions without gas).</summary>
internal sealed class AllowOperatorSpendingHandler : SingleOperationHandler<AllowOperatorSpendingOnChain>
{
    public override string Kind => AllowOperatorSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Chain.OperatorAddress, cancellationToken);
    }
}
