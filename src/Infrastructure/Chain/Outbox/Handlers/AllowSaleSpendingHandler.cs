using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Lets the primary sale draw the investor's stablecoin (purchases without gas).</summary>
internal sealed class AllowSaleSpendingHandler : SingleOperationHandler<AllowSaleSpendingOnChain>
{
    public override string Kind => AllowSaleSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Contracts.PrimarySale, cancellationToken);
    }
}
