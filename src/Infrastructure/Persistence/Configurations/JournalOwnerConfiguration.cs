using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class JournalOwnerConfiguration : IEntityTypeConfiguration<JournalOwner>
{
    public void Configure(EntityTypeBuilder<JournalOwner> builder)
    {
        builder.ToTable("trading_streams");
        builder.HasKey(s => s.Stream);
        builder.Property(s => s.Stream).ValueGeneratedNever();
    }
}
