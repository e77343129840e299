using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class RevenueReceiverStore(AppDbContext db) : IRevenueReceiverStore
{
    public void Add(RevenueReceiver receiver) => db.Add(receiver);

    public Task<RevenueReceiver?> FindAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<RevenueReceiver>().AsNoTracking().FirstOrDefaultAsync(r => r.AssetId == assetId, cancellationToken);

    public async Task<IReadOnlyList<RevenueReceiver>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<RevenueReceiver>().AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RevenueReceiver>> ListUndeployedAsync(CancellationToken cancellationToken) =>
        await db.Set<RevenueReceiver>().Where(r => r.DeployedAt == null).ToListAsync(cancellationToken);
}
