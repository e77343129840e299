using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class DistributionPolicyConfiguration : IEntityTypeConfiguration<DistributionPolicy>
{
    public void Configure(EntityTypeBuilder<DistributionPolicy> builder)
    {
        builder.ToTable("distribution_policies");
        builder.HasKey(p => p.AssetId);
        builder.Property(p => p.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.UpdatedBy).HasMaxLength(64);
        // The column keeps its name from when the minimum was a long of minor units.
        builder.Property(p => p.Minimum).HasColumnName("MinimumMinorUnits");
        builder.Ignore(p => p.IsAutomatic);
        builder.HasIndex(p => p.Mode);
    }
}
