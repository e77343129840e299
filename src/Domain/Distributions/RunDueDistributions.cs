using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Funding;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Runs the distributions the assets' policies make due (chain sync worker): the deposits already on
/// chain and, when the policy says so, the recorded revenue the issuer's standing authorization funds,
/// through the same waterfall, outbox and proofs as a manual run. Revenue below the minimum
/// waits; an asset whose previous distribution is still executing or failed waits for it; one asset's
/// failure never holds back the others. Each run is decided inside the distributions' exclusive
/// section, so several instances never run the same period twice.
/// </summary>
public sealed record RunDueDistributions : ICommand<int>;

/// <summary>How long an automatic run that failed waits before it is resumed by itself.</summary>
public static class AutomaticRuns
{
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(1);
}

public sealed class RunDueDistributionsHandler(
    ISender sender,
    IDistributionPolicyStore policies,
    IDistributionStore distributions,
    IRevenueReceiverStore receivers,
    IDepositAddressReader deposits,
    IFundingAuthorizationStore authorizations,
    IAssetRepository assets,
    IInvestorChainReader balances,
    IFundingAuthorizationChainReader chainAuthorizations,
    WalletCommitments commitments,
    Chain.IChainMonitor monitor,
    DistributionPlanner planner,
    DistributionExecutor executor,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RunDueDistributions, int>
{
    public async ValueTask<int> Handle(RunDueDistributions command, CancellationToken cancellationToken)
    {
        var started = 0;
        List<Exception>? errors = null;
        var toResume = new List<Guid>();
        foreach (var policy in await policies.ListAutomaticAsync(cancellationToken))
        {
            try
            {
                await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
                var previous = await distributions.LatestAsync(policy.AssetId, cancellationToken);
                // An automatic run that failed after its deposit was released is resumed by itself (every step is
                // idempotent), at most once a minute, so the asset's next deposits are not held back for long.
                if (previous is { Status: DistributionStatus.Failed, FunderUserId: DistributionExecutor.PlatformFunder, CompletedAt: { } failedAt }
                    && clock.GetUtcNow() - failedAt >= AutomaticRuns.ResumeAfter)
                {
                    toResume.Add(previous.Id);
                }

                if (previous is { Status: DistributionStatus.Executing or DistributionStatus.Failed } || !policy.IsDue(previous?.RecordTime, clock.GetUtcNow())
                    || await receivers.FindAsync(policy.AssetId, cancellationToken) is not { } receiver)
                {
                    continue;
                }

                // A run the chain refused was compensated: the asset waits a minute before the next try, so a
                // payout the chain keeps refusing never loops.
                if (await distributions.LastAutomaticCancellationAsync(policy.AssetId, cancellationToken) is { } cancelled
                    && clock.GetUtcNow() - cancelled < AutomaticRuns.ResumeAfter)
                {
                    continue;
                }

                var (authorization, budget) = policy.FundRecordedRevenue ? await WalletBudgetAsync(policy.AssetId, cancellationToken) : (null, Money.Zero);
                var planned = await planner.PlanAutomaticAsync(policy.AssetId, budget, cancellationToken);
                if (!planned.IsSuccess || planned.Value.Undistributed == Money.Zero || planned.Value.Undistributed < policy.Minimum)
                {
                    continue;
                }


                // The receiver must exist on chain and hold what the recorded deposits say (a deposit a reorg
                // dropped, or one not yet final, is not released): otherwise the release could only fail.
                if (receiver.DeployedAt is null || await deposits.BalanceAsync(receiver.OnChainTokenId, cancellationToken) < planned.Value.FromDeposits.MinorUnits)
                {
                    continue;
                }

                // The wallet's part is reserved on the authorization in the same unit of work as the run.
                var fromWallet = planned.Value.FromWallet;
                if (fromWallet > Money.Zero && (authorization is null || !authorization.TryReserve(fromWallet, clock.GetUtcNow())))
                {
                    unitOfWork.DiscardChanges();
                    continue;
                }

                var plan = planned.Value with
                {
                    FunderAddress = receiver.Address,
                    AuthorizationId = fromWallet > Money.Zero ? authorization!.Id : null,
                    AuthorizedWallet = fromWallet > Money.Zero ? authorization!.Address : null,
                };
                if ((await executor.ExecuteAsync(plan, previous, DistributionExecutor.PlatformFunder, cancellationToken)).IsSuccess)
                {
                    await section.CommitAsync(cancellationToken);
                    started++;
                }
                else
                {
                    // Nothing of a run that did not start may reach a later save (e.g. entitlements it added).
                    unitOfWork.DiscardChanges();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unitOfWork.DiscardChanges();
                (errors ??= []).Add(ex);
            }
        }

        foreach (var id in toResume)
        {
            // Its own exclusive section; refused (and left to the sync's compensation) when nothing had moved yet.
            await sender.Send(new ResumeDistribution("system", id, IsAdmin: true), cancellationToken);
        }

        return errors is null ? started : throw new AggregateException("Some due distributions could not be started.", errors);
    }

    /// <summary>
    /// The issuer's standing authorization in force on chain (tracked: a run reserves on it) and what an
    /// automatic run may draw under it now: the least of what it has left here, what the router and the
    /// permit still allow on chain, and the wallet's balance, each less what runs in progress still draw.
    /// </summary>
    private async Task<(FundingAuthorization? Authorization, Money Budget)> WalletBudgetAsync(AssetId assetId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await assets.FindAsync(assetId, cancellationToken) is not { } asset
            || await authorizations.FindActiveAsync(asset.IssuerId, cancellationToken) is not { } authorization
            || !(await FundingAuthorizationView.OfAsync(authorization, monitor, now, cancellationToken)).InForce)
        {
            return (null, Money.Zero);
        }

        var committed = await commitments.OfAsync(asset.IssuerId, authorization.Address, cancellationToken);
        var onChain = await chainAuthorizations.ReadAsync(authorization.Address, cancellationToken);
        var balance = await balances.StablecoinBalanceAsync(authorization.Address, cancellationToken);
        // Signed minor units here: what runs in progress draw may exceed what is left (then the budget is zero).
        var budget = Math.Min(authorization.RemainingMinorUnits, Math.Min(onChain.Left(now) - committed.Automatic.MinorUnits, balance - committed.Total.MinorUnits));
        return (authorization, Money.FromMinorUnits(Math.Max(0, budget)).Value);
    }
}
