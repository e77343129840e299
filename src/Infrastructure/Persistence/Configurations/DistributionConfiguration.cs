using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class DistributionConfiguration : IEntityTypeConfiguration<Distribution>
{
    public void Configure(EntityTypeBuilder<Distribution> builder)
    {
        builder.ToTable("distributions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        // Status changes come from runs, resumes, cancellations and the sync (possibly on several
        // instances): the one that saves last with a stale status fails instead of overwriting.
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(d => d.FunderUserId).HasMaxLength(64);
        builder.Property(d => d.FunderAddress).HasMaxLength(42);
        builder.Property(d => d.AuthorizedWallet).HasMaxLength(42);
        builder.Ignore(d => d.FromWallet);
        builder.Property(d => d.MerkleRoot).HasMaxLength(66);
        builder.Property(d => d.FailureReason).HasMaxLength(2000);
        builder.HasIndex(d => new { d.OnChainTokenId, d.MerkleRoot });
        builder.HasIndex(d => new { d.AssetId, d.CreatedAt });
        builder.HasIndex(d => d.Status);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DistributionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
