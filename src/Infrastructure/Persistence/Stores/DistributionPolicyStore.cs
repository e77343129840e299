using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class DistributionPolicyStore(AppDbContext db) : IDistributionPolicyStore
{
    public void Add(DistributionPolicy policy) => db.Add(policy);

    public Task<DistributionPolicy?> FindAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<DistributionPolicy>().FirstOrDefaultAsync(p => p.AssetId == assetId, cancellationToken);

    public async Task<IReadOnlyList<DistributionPolicy>> ListAutomaticAsync(CancellationToken cancellationToken) =>
        await db.Set<DistributionPolicy>().AsNoTracking().Where(p => p.Mode != DistributionMode.Manual).ToListAsync(cancellationToken);
}
