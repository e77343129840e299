using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Distributions;

/// <summary>An executed distribution with every line and the chain operations that paid it.</summary>
public sealed record GetDistribution(Guid DistributionId) : IQuery<Result<DistributionView>>;

public sealed record DistributionView(Distribution Distribution, string AssetName, IReadOnlyList<ChainOperationView> Operations);

/// <summary>Any signed-in user may read a distribution: its lines are what anyone can verify on chain.</summary>
public sealed class GetDistributionHandler(IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor) : IQueryHandler<GetDistribution, Result<DistributionView>>
{
    public async ValueTask<Result<DistributionView>> Handle(GetDistribution query, CancellationToken cancellationToken)
    {
        var distribution = await distributions.FindAsync(query.DistributionId, cancellationToken);
        if (distribution is null)
        {
            return Error.NotFound("distribution.missing", "No such distribution.");
        }

        var asset = await assets.FindAsync(distribution.AssetId, cancellationToken);
        return new DistributionView(distribution, asset?.Name ?? "", await monitor.ListByKeyPrefixAsync(DistributionSteps.KeyPrefix(distribution.Id), cancellationToken));
    }
}

/// <summary>The asset's distributions, newest first.</summary>
public sealed record ListDistributions(AssetId AssetId) : IQuery<IReadOnlyList<Distribution>>;

public sealed class ListDistributionsHandler(IDistributionStore distributions) : IQueryHandler<ListDistributions, IReadOnlyList<Distribution>>
{
    public async ValueTask<IReadOnlyList<Distribution>> Handle(ListDistributions query, CancellationToken cancellationToken) =>
        await distributions.ListByAssetAsync(query.AssetId, cancellationToken);
}

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
            var ops = await monitor.ListByKeyPrefixAsync(DistributionSteps.KeyPrefix(d.Id), cancellationToken);
            var now = clock.GetUtcNow();
            if (d.FundingOperationId is { } funding && ops.Any(o => o.Id == funding && o.Status == ChainOperationStatus.Confirmed
                && (o.Kind == FundHoldersOnChain.KindName || (o.Kind == ExecutePayoutOnChain.KindName && d.HoldersShare > 0))))
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

    private void Record(string kind, long amount, Distribution d, DateTimeOffset now)
    {
        if (amount > 0)
        {
            revenue.Record(new PlatformRevenueEntry(Guid.CreateVersion7(), kind, d.AssetId.Value, Money.FromMinorUnits(amount).Value, now));
        }
    }
}

/// <summary>A distribution batch as the operations console shows it: its size, the gas its transactions used, its root and status.</summary>
public sealed record DistributionBatchView(Guid Id, string AssetName, DateTimeOffset CreatedAt, long Gross, long HoldersShare, int Transactions, long GasUsed, string MerkleRoot, DistributionStatus Status, string? FailureReason);

public sealed record ListDistributionBatches(int Take = 20) : IQuery<IReadOnlyList<DistributionBatchView>>;

public sealed class ListDistributionBatchesHandler(IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor) : IQueryHandler<ListDistributionBatches, IReadOnlyList<DistributionBatchView>>
{
    public async ValueTask<IReadOnlyList<DistributionBatchView>> Handle(ListDistributionBatches query, CancellationToken cancellationToken)
    {
        var views = new List<DistributionBatchView>();
        foreach (var d in await distributions.ListRecentAsync(Math.Clamp(query.Take, 1, 100), cancellationToken))
        {
            var ops = await monitor.ListByKeyPrefixAsync(DistributionSteps.KeyPrefix(d.Id), cancellationToken);
            var name = (await assets.FindAsync(d.AssetId, cancellationToken))?.Name ?? "";
            views.Add(new DistributionBatchView(d.Id, name, d.CreatedAt, d.Gross, d.HoldersShare, ops.Count, ops.Sum(o => o.GasUsed ?? 0), d.MerkleRoot, d.Status, d.FailureReason));
        }

        return views;
    }
}
