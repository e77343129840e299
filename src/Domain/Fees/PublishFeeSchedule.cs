using Mediator;
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
