using Mediator;

namespace TokenPlatform.Domain.Chain;

public sealed record ListChainOperations(ChainOperationStatus? Status = null, int Take = 100) : IQuery<IReadOnlyList<ChainOperationView>>;

public sealed class ListChainOperationsHandler(IChainMonitor monitor) : IQueryHandler<ListChainOperations, IReadOnlyList<ChainOperationView>>
{
    public async ValueTask<IReadOnlyList<ChainOperationView>> Handle(ListChainOperations query, CancellationToken cancellationToken) =>
        await monitor.ListOperationsAsync(query.Status, Math.Clamp(query.Take, 1, 500), cancellationToken);
}
