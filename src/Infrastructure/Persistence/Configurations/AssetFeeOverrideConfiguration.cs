using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class AssetFeeOverrideConfiguration : IEntityTypeConfiguration<AssetFeeOverride>
{
    public void Configure(EntityTypeBuilder<AssetFeeOverride> builder)
    {
        builder.ToTable("asset_fee_overrides");
        builder.HasKey(o => o.AssetId);
        builder.Property(o => o.AssetId).HasConversion(id => id.Value, v => new Domain.Assets.AssetId(v));
        builder.Property(o => o.SetBy).HasMaxLength(64);
    }
}
