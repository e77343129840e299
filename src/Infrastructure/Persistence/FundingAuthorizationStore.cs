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

internal sealed class FundingAuthorizationStore(AppDbContext db) : IFundingAuthorizationStore
{
    public void Add(FundingAuthorization authorization) => db.Add(authorization);

    public Task<FundingAuthorization?> FindActiveAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<FundingAuthorization>().Where(a => a.UserId == userId && a.Status == FundingAuthorizationStatus.Active)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public Task<FundingAuthorization?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<FundingAuthorization>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<FundingAuthorization>> ListAsync(string userId, int take, CancellationToken cancellationToken) =>
        await db.Set<FundingAuthorization>().AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.CreatedAt).Take(take).ToListAsync(cancellationToken);
}
