using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class SnapshotConfiguration : IEntityTypeConfiguration<SnapshotRow>
{
    public void Configure(EntityTypeBuilder<SnapshotRow> builder)
    {
        builder.ToTable("trading_snapshots");
        builder.HasKey(s => new { s.Stream, s.Sequence });
    }
}
