using Mediator;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Recent compliance operations and their chain status, newest first.</summary>
public sealed record ListComplianceOperations : IQuery<IReadOnlyList<ChainOperationView>>;

public sealed class ListComplianceOperationsHandler(IChainMonitor monitor) : IQueryHandler<ListComplianceOperations, IReadOnlyList<ChainOperationView>>
{
    public async ValueTask<IReadOnlyList<ChainOperationView>> Handle(ListComplianceOperations query, CancellationToken cancellationToken) =>
        (await monitor.ListByKeyPrefixAsync(OperationKeys.CompliancePrefix, cancellationToken)).OrderByDescending(o => o.CreatedAt).Take(50).ToList();
}
