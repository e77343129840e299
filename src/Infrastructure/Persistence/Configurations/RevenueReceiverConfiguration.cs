using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class RevenueReceiverConfiguration : IEntityTypeConfiguration<RevenueReceiver>
{
    public void Configure(EntityTypeBuilder<RevenueReceiver> builder)
    {
        builder.ToTable("revenue_receivers");
        builder.HasKey(r => r.AssetId);
        builder.Property(r => r.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(r => r.Address).HasMaxLength(42);
        builder.HasIndex(r => r.Address).IsUnique();
        builder.HasIndex(r => r.DeployedAt);
    }
}
