using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class FeeScheduleRepository(AppDbContext db) : IFeeScheduleRepository, IPlatformRevenue
{
    public async Task<FeeSchedule> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var current = await db.Set<FeeSchedule>().Where(f => f.EffectiveFrom <= at).OrderByDescending(f => f.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return current;
        }

        // No schedule yet: seed the default so every fee shown is a stored, auditable version.
        var seeded = FeeSchedule.Default(at);
        db.Set<FeeSchedule>().Add(seeded);
        await db.SaveChangesAsync(cancellationToken);
        return seeded;
    }

    public void Record(PlatformRevenueEntry entry) => db.Set<PlatformRevenueEntry>().Add(entry);

    public void Add(FeeSchedule schedule) => db.Set<FeeSchedule>().Add(schedule);

    public Task<AssetFeeOverride?> OverrideAsync(Domain.Assets.AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<AssetFeeOverride>().AsNoTracking().FirstOrDefaultAsync(o => o.AssetId == assetId, cancellationToken);

    public Task<AssetFeeOverride?> OverrideForUpdateAsync(Domain.Assets.AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<AssetFeeOverride>().FirstOrDefaultAsync(o => o.AssetId == assetId, cancellationToken);

    public void AddOverride(AssetFeeOverride assetOverride) => db.Set<AssetFeeOverride>().Add(assetOverride);

    public async Task<IReadOnlyList<AssetFeeOverride>> OverridesAsync(CancellationToken cancellationToken) =>
        await db.Set<AssetFeeOverride>().AsNoTracking().OrderByDescending(o => o.SetAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PlatformRevenueEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        await db.Set<PlatformRevenueEntry>().AsNoTracking().OrderBy(e => e.RecordedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FeeSchedule>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<FeeSchedule>().AsNoTracking().OrderByDescending(f => f.EffectiveFrom).ThenByDescending(f => f.CreatedAt).ToListAsync(cancellationToken);

    public Task<FeeSchedule?> InForceNotOnChainAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Set<FeeSchedule>().Where(f => f.EffectiveFrom <= at).OrderByDescending(f => f.EffectiveFrom).Take(1)
            .Where(f => f.ChainOperationId == null).FirstOrDefaultAsync(cancellationToken);
}

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
