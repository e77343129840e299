using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The custodial wallet's capped ERC-2612 permit for the payout router (0 takes the allowance away).</summary>
internal sealed class AllowRouterSpendingHandler : SingleOperationHandler<AllowRouterSpendingOnChain>
{
    public override string Kind => AllowRouterSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        // A permit's deadline only bounds when it may be submitted: a revocation signed now must still be accepted.
        var validUntil = command.Deadline > DateTimeOffset.UtcNow.AddMinutes(10) ? command.Deadline : DateTimeOffset.UtcNow.AddDays(1);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Contracts.PayoutRouter, command.Cap, validUntil, cancellationToken);
    }
}
