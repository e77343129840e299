using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Fees;

/// <summary>
/// An admin publishes a new fee schedule version (versions are never edited). Audited with the values
/// before and after. Its on-chain parameters are queued when it takes effect (at once when effective now).
/// Nothing already accepted changes: purchases keep the commission they were accepted with.
/// </summary>
public sealed record PublishFeeSchedule(
    string ActorId,
    DateTimeOffset? EffectiveFrom,
    string ListingFee,
    int PrimaryCommissionBps,
    int TradingFeeBps,
    int ResaleRoyaltyCapBps,
    int ManagementFeeBps,
    int DistributionFeeBps) : ICommand<Result<Guid>>;

public sealed class PublishFeeScheduleHandler(IFeeScheduleRepository fees, IAuditLog audit, FeeScheduleChainSync chainSync, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<PublishFeeSchedule, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(PublishFeeSchedule command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var listing = Money.Parse(command.ListingFee, nameof(FeeSchedule.ListingFee));
        if (!listing.IsSuccess)
        {
            return listing.Error!;
        }

        var published = FeeSchedule.Publish(command.EffectiveFrom ?? now, listing.Value, command.PrimaryCommissionBps, command.TradingFeeBps,
            command.ResaleRoyaltyCapBps, command.ManagementFeeBps, command.DistributionFeeBps, command.ActorId, now);
        if (!published.IsSuccess)
        {
            return published.Error!;
        }

        var previous = await fees.InForceAsync(now, cancellationToken);
        var schedule = published.Value;
        fees.Add(schedule);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.ActorId, AuditActions.FeesPublish, null, $"fee schedule {schedule.Id}",
            previous.Describe(), schedule.Describe(), null));
        if (schedule.EffectiveFrom <= now)
        {
            await chainSync.QueueAsync(schedule, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return schedule.Id;
    }
}

/// <summary>Queues the on-chain fee parameters of a schedule version: commission, trading fee cap, royalty cap (one chain of operations).</summary>
public sealed class FeeScheduleChainSync(IChainOutbox outbox)
{
    public async Task QueueAsync(FeeSchedule schedule, CancellationToken cancellationToken)
    {
        var key = $"fees:{schedule.Id}";
        var commission = await outbox.EnqueueAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.PrimaryCommission, (ushort)schedule.PrimaryCommission.Value), $"{key}:commission", cancellationToken);
        var trading = await outbox.EnqueueAfterAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.TradingFeeCap, (ushort)schedule.TradingFee.Value), $"{key}:trading-cap", commission.Id, cancellationToken);
        var royalty = await outbox.EnqueueAfterAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.ResaleRoyaltyCap, (ushort)schedule.ResaleRoyaltyCap.Value), $"{key}:royalty-cap", trading.Id, cancellationToken);
        schedule.QueuedOnChain(royalty.Id);
    }
}

/// <summary>Queues the on-chain parameters of a version whose effective time has come (background worker).</summary>
public sealed record SyncFeeSchedulesWithChain : ICommand<int>;

public sealed class SyncFeeSchedulesWithChainHandler(IFeeScheduleRepository fees, FeeScheduleChainSync chainSync, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SyncFeeSchedulesWithChain, int>
{
    public async ValueTask<int> Handle(SyncFeeSchedulesWithChain command, CancellationToken cancellationToken)
    {
        var due = await fees.InForceNotOnChainAsync(clock.GetUtcNow(), cancellationToken);
        if (due is null || due.CreatedBy == FeeSchedule.SystemDefault)
        {
            return 0;
        }

        await chainSync.QueueAsync(due, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return 1;
    }
}

public sealed record FeeScheduleVersion(FeeSchedule Schedule, bool InForce, ChainOperationView? Chain);

/// <summary>Every version with the one in force and whether its on-chain parameters are live.</summary>
public sealed record ListFeeSchedules : IQuery<IReadOnlyList<FeeScheduleVersion>>;

public sealed class ListFeeSchedulesHandler(IFeeScheduleRepository fees, IChainOutbox outbox, TimeProvider clock) : IQueryHandler<ListFeeSchedules, IReadOnlyList<FeeScheduleVersion>>
{
    public async ValueTask<IReadOnlyList<FeeScheduleVersion>> Handle(ListFeeSchedules query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var inForce = await fees.InForceAsync(now, cancellationToken);
        var versions = new List<FeeScheduleVersion>();
        foreach (var schedule in await fees.ListAsync(cancellationToken))
        {
            var chain = schedule.ChainOperationId is { } id ? await outbox.FindAsync(id, cancellationToken) : null;
            versions.Add(new FeeScheduleVersion(schedule, schedule.Id == inForce.Id, chain));
        }

        return versions;
    }
}
