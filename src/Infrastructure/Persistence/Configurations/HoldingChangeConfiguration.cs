using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Indexing;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class HoldingChangeConfiguration : IEntityTypeConfiguration<HoldingChange>
{
    public void Configure(EntityTypeBuilder<HoldingChange> builder)
    {
        builder.ToTable("holding_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Address).HasMaxLength(42);
        builder.Property(c => c.Delta).HasPrecision(38, 0);
        builder.HasIndex(c => new { c.AssetTokenId, c.BlockTime });
    }
}
