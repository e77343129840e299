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
