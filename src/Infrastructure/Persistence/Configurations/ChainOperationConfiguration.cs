using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class ChainOperationConfiguration : IEntityTypeConfiguration<ChainOperation>
{
    public void Configure(EntityTypeBuilder<ChainOperation> builder)
    {
        builder.ToTable("chain_operations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.Property(o => o.Kind).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.TxHash).HasMaxLength(66);
        builder.Property(o => o.Error).HasMaxLength(2000);
        builder.Property(o => o.FailureCode).HasMaxLength(64);
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.TxHash);
    }
}
