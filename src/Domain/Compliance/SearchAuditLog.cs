using Mediator;

namespace TokenPlatform.Domain.Compliance;

public sealed record SearchAuditLog(AuditFilter Filter) : IQuery<IReadOnlyList<AuditRow>>;

public sealed class SearchAuditLogHandler(IAuditLog audit) : IQueryHandler<SearchAuditLog, IReadOnlyList<AuditRow>>
{
    public async ValueTask<IReadOnlyList<AuditRow>> Handle(SearchAuditLog query, CancellationToken cancellationToken) =>
        await audit.SearchAsync(query.Filter with { Take = Math.Clamp(query.Filter.Take, 1, 10_000) }, cancellationToken);
}
