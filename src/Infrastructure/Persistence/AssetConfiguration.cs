using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, value => new AssetId(value)).ValueGeneratedNever();
        builder.Property(a => a.IssuerId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Name).HasMaxLength(Asset.NameMaxLength).IsRequired();
        builder.Property(a => a.RejectionReason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.IssuerId, a.Status });

        builder.OwnsOne(a => a.Terms, terms =>
        {
            terms.Property(t => t.TotalFractions).HasColumnName("total_fractions");
            terms.Property(t => t.PricePerFraction).HasColumnName("price_per_fraction")
                .HasConversion(m => m.MinorUnits, units => Money.FromMinorUnits(units, "price").Value);
            terms.Property(t => t.MinimumPurchase).HasColumnName("minimum_purchase");
            terms.Property(t => t.MaxHolding).HasColumnName("max_holding_bps")
                .HasConversion(b => b.Value, value => BasisPoints.Create(value, "bps").Value);
            terms.Property(t => t.ResaleRoyalty).HasColumnName("resale_royalty_bps")
                .HasConversion(b => b.Value, value => BasisPoints.Create(value, "bps").Value);
        });
        builder.Navigation(a => a.Terms).IsRequired(false);
    }
}
