using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Indexing;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class AssetHoldingConfiguration : IEntityTypeConfiguration<AssetHolding>
{
    public void Configure(EntityTypeBuilder<AssetHolding> builder)
    {
        builder.ToTable("asset_holdings");
        builder.HasKey(h => new { h.AssetTokenId, h.Address });
        builder.Property(h => h.Address).HasMaxLength(42);
        builder.Property(h => h.Balance).HasPrecision(38, 0);
    }
}
