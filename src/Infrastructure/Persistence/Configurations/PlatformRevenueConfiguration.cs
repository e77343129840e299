using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Infrastructure.Persistence;

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
