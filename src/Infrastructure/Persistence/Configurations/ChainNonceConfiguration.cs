using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class ChainNonceConfiguration : IEntityTypeConfiguration<ChainNonce>
{
    public void Configure(EntityTypeBuilder<ChainNonce> builder)
    {
        builder.ToTable("chain_nonces");
        builder.HasKey(n => new { n.ChainId, n.Address });
        builder.Property(n => n.Address).HasMaxLength(42);
    }
}
