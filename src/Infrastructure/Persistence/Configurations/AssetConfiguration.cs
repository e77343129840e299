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

        builder.Property(a => a.Details).HasColumnName("details_json")
            .HasConversion(d => AssetJson.WriteDetails(d!), json => AssetJson.ReadDetails(json));
        builder.Property(a => a.Split).HasColumnName("split_json")
            .HasConversion(s => AssetJson.WriteSplit(s!), json => AssetJson.ReadSplit(json));
        builder.Property(a => a.Isrc).HasMaxLength(12);
        builder.HasIndex(a => a.Isrc).IsUnique();
        builder.Property(a => a.ListingFee).HasConversion(m => m!.Value.MinorUnits, units => Money.FromMinorUnits(units, "fee").Value);
        builder.HasIndex(a => a.OnChainTokenId);
        builder.OwnsOne(a => a.Offering, offering =>
        {
            offering.Property(o => o.Start).HasColumnName("offering_start");
            offering.Property(o => o.End).HasColumnName("offering_end");
            offering.Property(o => o.LockUpUntil).HasColumnName("lockup_until");
        });
        builder.Navigation(a => a.Offering).IsRequired(false);
        builder.OwnsMany(a => a.Documents, documents =>
        {
            documents.ToTable("asset_documents");
            documents.WithOwner().HasForeignKey("AssetId");
            documents.HasKey(d => d.Id);
            documents.Property(d => d.Id).ValueGeneratedNever();
            documents.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            documents.Property(d => d.FileName).HasMaxLength(255);
            documents.Property(d => d.ContentType).HasMaxLength(100);
            documents.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            documents.Property(d => d.StorageKey).HasMaxLength(300);
        });
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
