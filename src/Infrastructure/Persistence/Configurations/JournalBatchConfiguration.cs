using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class JournalBatchConfiguration : IEntityTypeConfiguration<JournalBatchRow>
{
    public void Configure(EntityTypeBuilder<JournalBatchRow> builder)
    {
        builder.ToTable("trading_journal");
        builder.HasKey(b => new { b.Stream, b.FirstSequence });
    }
}
