using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class RevenueEventConfiguration : IEntityTypeConfiguration<RevenueEvent>
{
    public void Configure(EntityTypeBuilder<RevenueEvent> builder)
    {
        builder.ToTable("revenue_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(e => e.ExternalReference).HasMaxLength(RevenueEvent.ReferenceMaxLength);
        builder.HasIndex(e => new { e.AssetId, e.ExternalReference }).IsUnique();
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Ignore(e => e.Amount);
        builder.Property(e => e.Description).HasMaxLength(RevenueEvent.DescriptionMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(64);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ReviewedBy).HasMaxLength(64);
        builder.Property(e => e.ReviewReason).HasMaxLength(500);
        builder.HasIndex(e => e.DistributionId);
    }
}
