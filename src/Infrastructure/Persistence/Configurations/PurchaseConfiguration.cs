using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.InvestorId).HasMaxLength(64);
        builder.Property(p => p.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(p => p.BuyerAddress).HasMaxLength(42);
        builder.Property(p => p.PricePerFraction).HasConversion(m => m.MinorUnits, u => Money.FromMinorUnits(u, "price").Value);
        builder.Property(p => p.Cost).HasConversion(m => m.MinorUnits, u => Money.FromMinorUnits(u, "cost").Value);
        builder.Property(p => p.Commission).HasConversion(m => m.MinorUnits, u => Money.FromMinorUnits(u, "commission").Value);
        builder.Property(p => p.CommissionBps).HasConversion(b => b.Value, v => BasisPoints.Create(v, "bps").Value);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.TxHash).HasMaxLength(66);
        builder.Property(p => p.FailureReason).HasMaxLength(1000);
        builder.HasIndex(p => new { p.InvestorId, p.CreatedAt });
        builder.HasIndex(p => p.Status);
        builder.HasIndex(p => p.OperationId).IsUnique();
    }
}
