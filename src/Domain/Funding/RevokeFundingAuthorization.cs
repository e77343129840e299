using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Funding;

/// <summary>
/// The user withdraws their standing authorization: from now on no new automatic run draws on the wallet
/// (revenue waiting for it stays undistributed), and the router's authorization and the permit are set
/// to zero on chain. Payouts already on their way to the chain still complete (audited).
/// </summary>
public sealed record RevokeFundingAuthorization(string UserId) : ICommand<Result<FundingAuthorizationView>>;

public sealed class RevokeFundingAuthorizationHandler(
    IFundingAuthorizationStore authorizations,
    IChainOutbox outbox,
    IChainMonitor monitor,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RevokeFundingAuthorization, Result<FundingAuthorizationView>>
{
    public async ValueTask<Result<FundingAuthorizationView>> Handle(RevokeFundingAuthorization command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var authorization = await authorizations.FindActiveAsync(command.UserId, cancellationToken);
        if (authorization is null)
        {
            return Error.Conflict("authorization.none", "You have no standing authorization in force.");
        }

        authorization.Revoke(now);
        var set = FundingAuthorizationView.First(await monitor.ListByKeyPrefixAsync(OperationKeys.FundingAuthorizationSet(authorization.Id), cancellationToken));
        // Nothing to undo on chain when the authorization never reached it.
        if (set is not null && set.Status is not (ChainOperationStatus.Failed or ChainOperationStatus.Cancelled))
        {
            // After the wallet's last signed operation on its way (its own grant, or a permit), in nonce order.
            var after = await FundingChain.PendingTailAsync(authorizations, monitor, command.UserId, cancellationToken) ?? set.Id;
            var revoke = await outbox.EnqueueAfterAsync(new SetFundingAuthorizationOnChain(authorization.Id, command.UserId, authorization.Address, 0, now),
                OperationKeys.FundingAuthorizationRevoke(authorization.Id), after, cancellationToken);
            await outbox.EnqueueAfterAsync(new AllowRouterSpendingOnChain(command.UserId, authorization.Address, 0, now.AddDays(1)),
                OperationKeys.FundingAuthorizationRevokePermit(authorization.Id), revoke.Id, cancellationToken);
        }

        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.UserId, AuditActions.FundingRevoke, null, $"standing authorization of {authorization.Address}",
            GrantFundingAuthorizationHandler.Describe(authorization), "revoked", null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return await FundingAuthorizationView.OfAsync(authorization, monitor, now, cancellationToken);
    }
}
