using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class KycApplicationConfiguration : IEntityTypeConfiguration<KycApplication>
{
    public void Configure(EntityTypeBuilder<KycApplication> builder)
    {
        builder.ToTable("kyc_applications");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.UserId).HasMaxLength(64);
        builder.HasIndex(k => k.UserId).IsUnique();
        builder.Property(k => k.FullName).HasMaxLength(120);
        builder.Property(k => k.CountryCode).HasMaxLength(2);
        builder.Property(k => k.DocumentFileName).HasMaxLength(260);
        builder.Property(k => k.DocumentContentType).HasMaxLength(100);
        builder.Property(k => k.DocumentStorageKey).HasMaxLength(400);
        builder.Property(k => k.DocumentSha256).HasMaxLength(64);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.RejectionReason).HasMaxLength(1000);
        builder.Property(k => k.ReviewedBy).HasMaxLength(64);
        builder.HasIndex(k => new { k.Status, k.SubmittedAt });
    }
}
