using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Chain;

/// <summary>An admin re-queues a failed chain operation; it keeps its idempotency key, so it still runs at most once.</summary>
public sealed record RetryChainOperation(Guid OperationId, string ActorId = "system") : ICommand<Result<Guid>>;

public sealed class RetryChainOperationHandler(IChainMonitor monitor, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<RetryChainOperation, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RetryChainOperation command, CancellationToken cancellationToken)
    {
        if (!await monitor.RetryAsync(command.OperationId, cancellationToken))
        {
            return Error.Conflict("chain.not_failed", "Only a failed operation can be retried.");
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.ActorId, Compliance.AuditActions.OperationRetry, null,
            $"chain operation {command.OperationId}", "failed", "pending", null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return command.OperationId;
    }
}
