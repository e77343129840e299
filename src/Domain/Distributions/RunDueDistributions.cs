using Mediator;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Runs the distributions the assets' policies make due (chain sync worker): the deposits already on
/// chain, through the same waterfall, outbox and proofs as a manual run. A deposit below the minimum
/// waits; an asset whose previous distribution is still executing or failed waits for it; one asset's
/// failure never holds back the others. Each run is decided inside the distributions' exclusive
/// section, so several instances never run the same period twice.
/// </summary>
public sealed record RunDueDistributions : ICommand<int>;

public sealed class RunDueDistributionsHandler(
    IDistributionPolicyStore policies,
    IDistributionStore distributions,
    IRevenueReceiverStore receivers,
    DistributionPlanner planner,
    DistributionExecutor executor,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RunDueDistributions, int>
{
    public async ValueTask<int> Handle(RunDueDistributions command, CancellationToken cancellationToken)
    {
        var started = 0;
        List<Exception>? errors = null;
        foreach (var policy in await policies.ListAutomaticAsync(cancellationToken))
        {
            try
            {
                await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
                var previous = await distributions.LatestAsync(policy.AssetId, cancellationToken);
                if (previous is { Status: DistributionStatus.Executing or DistributionStatus.Failed } || !policy.IsDue(previous?.RecordTime, clock.GetUtcNow())
                    || await receivers.FindAsync(policy.AssetId, cancellationToken) is not { } receiver)
                {
                    continue;
                }

                var planned = await planner.PlanAutomaticAsync(policy.AssetId, cancellationToken);
                if (!planned.IsSuccess || planned.Value.Undistributed == 0 || planned.Value.Undistributed < policy.MinimumMinorUnits)
                {
                    continue;
                }

                var plan = planned.Value with { FunderAddress = receiver.Address };
                if ((await executor.ExecuteAsync(plan, previous, DistributionExecutor.PlatformFunder, cancellationToken)).IsSuccess)
                {
                    await section.CommitAsync(cancellationToken);
                    started++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unitOfWork.DiscardChanges();
                (errors ??= []).Add(ex);
            }
        }

        return errors is null ? started : throw new AggregateException("Some due distributions could not be started.", errors);
    }
}
