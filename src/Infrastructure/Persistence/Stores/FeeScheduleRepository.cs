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
