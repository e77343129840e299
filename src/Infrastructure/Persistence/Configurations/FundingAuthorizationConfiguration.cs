using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Funding;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class FundingAuthorizationConfiguration : IEntityTypeConfiguration<FundingAuthorization>
{
    public void Configure(EntityTypeBuilder<FundingAuthorization> builder)
    {
        builder.ToTable("funding_authorizations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.Address).HasMaxLength(42);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        // Runs, grants and revocations change authorizations inside the distributions' exclusive section;
        // the token also makes two reservations saved from stale copies fail instead of losing one.
        builder.Property(a => a.UsedMinorUnits).IsConcurrencyToken();
        builder.Ignore(a => a.RemainingMinorUnits);
        builder.HasIndex(a => new { a.UserId, a.Status });
    }
}
