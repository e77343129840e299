using Mediator;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Fees;

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
