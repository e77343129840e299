using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class HolderEntitlementConfiguration : IEntityTypeConfiguration<HolderEntitlement>
{
    public void Configure(EntityTypeBuilder<HolderEntitlement> builder)
    {
        builder.ToTable("holder_entitlements");
        builder.HasKey(e => new { e.AssetTokenId, e.Index });
        builder.Property(e => e.Address).HasMaxLength(42);
        builder.HasIndex(e => new { e.AssetTokenId, e.Address }).IsUnique();
        builder.HasIndex(e => e.Address);
    }
}
