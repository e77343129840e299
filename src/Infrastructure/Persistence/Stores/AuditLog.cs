using Microsoft.EntityFrameworkCore;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class AuditLog(AppDbContext db) : Domain.Compliance.IAuditLog
{
    public void Record(Domain.Compliance.AuditEntry entry) => db.Add(entry);

    public async Task<IReadOnlyList<Domain.Compliance.AuditRow>> SearchAsync(Domain.Compliance.AuditFilter filter, CancellationToken cancellationToken)
    {
        var query = from a in db.Set<Domain.Compliance.AuditEntry>().AsNoTracking()
                    join u in db.Users on a.ActorId equals u.Id into actors
                    from u in actors.DefaultIfEmpty()
                    select new { a, Email = u == null ? "" : u.Email, Normalized = u == null ? "" : u.NormalizedEmail };
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Identity stores upper-cased (invariant) emails: a case-insensitive search without SQL functions.
            var actor = filter.Actor.Trim().ToUpperInvariant();
            var actorId = filter.Actor.Trim();
            query = query.Where(x => (x.Normalized != null && x.Normalized.Contains(actor)) || x.a.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(x => x.a.Action == filter.Action);
        }

        if (filter.AssetId is { } asset)
        {
            query = query.Where(x => x.a.AssetId == asset);
        }

        if (filter.From is { } from)
        {
            query = query.Where(x => x.a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(x => x.a.At < to);
        }

        return (await query.OrderByDescending(x => x.a.At).Take(filter.Take).ToListAsync(cancellationToken))
            .Select(x => new Domain.Compliance.AuditRow(x.a.Id, x.a.At, x.a.ActorId, x.Email ?? "", x.a.Action, x.a.AssetId, x.a.Subject, x.a.Before, x.a.After, x.a.Reason))
            .ToList();
    }
}
