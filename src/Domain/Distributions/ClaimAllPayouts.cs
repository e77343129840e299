using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>Claims everything claimable across assets in one transaction, paid to the investor's wallet.</summary>
public sealed record ClaimAllPayouts(string UserId) : ICommand<Result<Guid>>;

public sealed class ClaimAllPayoutsHandler(IWalletService wallets, IEntitlementLedger ledger, IPayoutChainReader chain, IChainOutbox outbox, IChainMonitor monitor, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ClaimAllPayouts, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ClaimAllPayouts command, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(command.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        if ((await monitor.ListByKeyPrefixAsync(OperationKeys.ClaimPrefix(command.UserId), cancellationToken)).Any(o => o.Status is not (ChainOperationStatus.Confirmed or ChainOperationStatus.Failed)))
        {
            return Error.Conflict("claim.in_flight", "Your previous claim is still being processed.");
        }

        var claims = new List<PayoutClaim>();
        foreach (var claim in await ledger.ClaimsOfAsync(wallet.Address, chain, cancellationToken))
        {
            var paid = await chain.ClaimedAsync(claim.OnChainTokenId, claim.Entitlement.Index, cancellationToken);
            if (claim.Entitlement.Cumulative > paid.MinorUnits)
            {
                claims.Add(new PayoutClaim(claim.OnChainTokenId, new PayoutLeaf(claim.Entitlement.Index, claim.Entitlement.Address, claim.Entitlement.Cumulative), claim.Proof));
            }
        }

        if (claims.Count == 0)
        {
            return Error.Conflict("claim.nothing", "Nothing is claimable right now.");
        }

        var queued = await outbox.EnqueueAsync(new ClaimPayoutsOnChain(command.UserId, claims), OperationKeys.Claim(command.UserId, clock.GetUtcNow()), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return queued.Id;
    }
}
