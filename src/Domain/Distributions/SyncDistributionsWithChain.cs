using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Follows every unfinished distribution's operations (run by a background worker): the holders'
/// funding confirmed -> funded (claims use its root); all confirmed -> completed, and the platform's fees
/// are recorded as revenue; one failed -> failed with its reason, and if no money moved yet it is
/// compensated at once (revenue undistributed again), so a failure never blocks the asset; a failed one
/// whose operations were retried runs again. Every unfinished distribution is followed, however many
/// failed before it.
/// </summary>
public sealed record SyncDistributionsWithChain : ICommand<int>;

public sealed class SyncDistributionsWithChainHandler(
    IDistributionStore distributions,
    DistributionCompensation compensation,
    PayoutNotifications notifications,
    IChainMonitor monitor,
    IPlatformRevenue revenue,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : ICommandHandler<SyncDistributionsWithChain, int>
{
    public async ValueTask<int> Handle(SyncDistributionsWithChain command, CancellationToken cancellationToken)
    {
        var changed = 0;
        var cancellable = new List<Guid>();
        foreach (var d in await distributions.ListUnfinishedAsync(cancellationToken))
        {
            var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(d.Id), cancellationToken);
            var now = clock.GetUtcNow();
            if (d.FundingOperationId is { } funding && ops.Any(o => o.Id == funding && o.Status == ChainOperationStatus.Confirmed
                && (o.Kind == FundHoldersOnChain.KindName || (o.Kind == ExecutePayoutOnChain.KindName && d.HoldersShare > Money.Zero))))
            {
                changed += d.MarkFunded(now) ? 1 : 0;
            }

            if (ops.FirstOrDefault(o => o.Status == ChainOperationStatus.Failed) is { } failed)
            {
                changed += d.Fail($"{failed.Kind}: {failed.Error}", now) ? 1 : 0;
                if (DistributionCompensation.NothingMoved(d.Id, ops))
                {
                    cancellable.Add(d.Id);
                }
            }
            else if (d.Status == DistributionStatus.Failed && ops.Count > 0 && ops.All(o => o.Status != ChainOperationStatus.Cancelled))
            {
                // Its failed steps were retried (e.g. by an admin): it runs again.
                changed += d.Resume() ? 1 : 0;
            }
            else if (ops.Count > 0 && ops.All(o => o.Status == ChainOperationStatus.Confirmed) && d.Complete(now))
            {
                Record(PlatformRevenueEntry.DistributionFeeKind, d.DistributionFee, d, now);
                Record(PlatformRevenueEntry.ManagementFeeKind, d.ManagementFee, d, now);
                await notifications.NotifyPayeesAsync(d, now, cancellationToken);
                changed++;
            }
        }

        if (changed > 0)
        {
            // A status another instance, a run or a resume changed meanwhile (concurrency token) makes
            // this save fail: nothing is written and the next pass reads the new state.
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        List<Exception>? errors = null;
        foreach (var id in cancellable)
        {
            try
            {
                // Same exclusive section as a run or a resume: the compensation takes entitlements back.
                await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
                if (await compensation.TryCancelAsync(id, "system", "it failed before any money moved", cancellationToken))
                {
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    await section.CommitAsync(cancellationToken);
                    changed++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One distribution that cannot be compensated must not hold back the others; reported after.
                unitOfWork.DiscardChanges();
                (errors ??= []).Add(ex);
            }
        }

        return errors is null ? changed : throw new AggregateException("Some failed distributions could not be compensated.", errors);
    }

    private void Record(string kind, Money amount, Distribution d, DateTimeOffset now)
    {
        if (amount > Money.Zero)
        {
            revenue.Record(new PlatformRevenueEntry(Guid.CreateVersion7(), kind, d.AssetId.Value, amount, now));
        }
    }
}
