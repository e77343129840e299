using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class FeeScheduleConfiguration : IEntityTypeConfiguration<FeeSchedule>
{
    public void Configure(EntityTypeBuilder<FeeSchedule> builder)
    {
        builder.ToTable("fee_schedules");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.EffectiveFrom);
        builder.Property(f => f.ListingFee).HasConversion(m => m.MinorUnits, u => Money.FromMinorUnits(u, "fee").Value);
        foreach (var property in new[] { nameof(FeeSchedule.PrimaryCommission), nameof(FeeSchedule.TradingFee), nameof(FeeSchedule.ResaleRoyaltyCap), nameof(FeeSchedule.ManagementFeePerYear), nameof(FeeSchedule.DistributionFee) })
        {
            builder.Property<BasisPoints>(property).HasConversion(b => b.Value, v => BasisPoints.Create(v, "bps").Value);
        }

        builder.Property(f => f.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class PlatformRevenueConfiguration : IEntityTypeConfiguration<PlatformRevenueEntry>
{
    public void Configure(EntityTypeBuilder<PlatformRevenueEntry> builder)
    {
        builder.ToTable("platform_revenue");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.Amount).HasConversion(m => m.MinorUnits, u => Money.FromMinorUnits(u, "amount").Value);
        builder.HasIndex(r => new { r.Kind, r.RecordedAt });
    }
}

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
}
