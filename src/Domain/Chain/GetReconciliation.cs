using Mediator;

namespace TokenPlatform.Domain.Chain;

public sealed record GetReconciliation : IQuery<ReconciliationView?>;

public sealed class GetReconciliationHandler(IChainMonitor monitor) : IQueryHandler<GetReconciliation, ReconciliationView?>
{
    public ValueTask<ReconciliationView?> Handle(GetReconciliation query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(monitor.LatestReconciliation());
}
