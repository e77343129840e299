using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Indexing;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class ChainCursorConfiguration : IEntityTypeConfiguration<ChainCursor>
{
    public void Configure(EntityTypeBuilder<ChainCursor> builder)
    {
        builder.ToTable("chain_cursors");
        builder.HasKey(c => new { c.ChainId, c.Name });
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}
