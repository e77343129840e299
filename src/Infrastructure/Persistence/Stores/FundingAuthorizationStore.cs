using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Funding;

namespace TokenPlatform.Infrastructure.Persistence;

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
