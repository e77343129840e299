using System.Globalization;
using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

public sealed record ExportAuditLog(AuditFilter Filter) : IQuery<string>;

public sealed class ExportAuditLogHandler(IAuditLog audit) : IQueryHandler<ExportAuditLog, string>
{
    public static readonly IReadOnlyList<string> Header = ["at_utc", "actor", "action", "asset_id", "subject", "before", "after", "reason"];

    public async ValueTask<string> Handle(ExportAuditLog query, CancellationToken cancellationToken) =>
        Csv.Write(Header, (await audit.SearchAsync(query.Filter with { Take = 10_000 }, cancellationToken)).Select(r => (IReadOnlyList<string>)
        [
            Csv.Cell(r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            Csv.Cell(r.ActorEmail.Length > 0 ? r.ActorEmail : r.ActorId),
            Csv.Cell(r.Action),
            Csv.Cell(r.AssetId?.ToString()),
            Csv.Cell(r.Subject),
            Csv.Cell(r.Before),
            Csv.Cell(r.After),
            Csv.Cell(r.Reason),
        ]));
}
