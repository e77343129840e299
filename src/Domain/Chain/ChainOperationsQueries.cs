using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Chain;

public sealed record ListChainOperations(ChainOperationStatus? Status = null, int Take = 100) : IQuery<IReadOnlyList<ChainOperationView>>;

public sealed class ListChainOperationsHandler(IChainMonitor monitor) : IQueryHandler<ListChainOperations, IReadOnlyList<ChainOperationView>>
{
    public async ValueTask<IReadOnlyList<ChainOperationView>> Handle(ListChainOperations query, CancellationToken cancellationToken) =>
        await monitor.ListOperationsAsync(query.Status, Math.Clamp(query.Take, 1, 500), cancellationToken);
}

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

public sealed record GetReconciliation : IQuery<ReconciliationView?>;

public sealed class GetReconciliationHandler(IChainMonitor monitor) : IQueryHandler<GetReconciliation, ReconciliationView?>
{
    public ValueTask<ReconciliationView?> Handle(GetReconciliation query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(monitor.LatestReconciliation());
}

/// <summary>Chain health for the operations console.</summary>
public sealed record GetChainHealth : IQuery<ChainHealthView>;

public sealed class GetChainHealthHandler(IChainHealthReader health) : IQueryHandler<GetChainHealth, ChainHealthView>
{
    public async ValueTask<ChainHealthView> Handle(GetChainHealth query, CancellationToken cancellationToken) => await health.ReadAsync(cancellationToken);
}
