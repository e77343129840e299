using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class DistributionLineConfiguration : IEntityTypeConfiguration<DistributionLine>
{
    public void Configure(EntityTypeBuilder<DistributionLine> builder)
    {
        builder.ToTable("distribution_lines");
        builder.HasKey(l => new { l.DistributionId, l.Order });
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Label).HasMaxLength(120);
        builder.Property(l => l.Address).HasMaxLength(42);
        builder.HasIndex(l => l.Address);
    }
}
