using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Fees;

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
