using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class AssetRepository(AppDbContext db) : IAssetRepository
{
    public void Add(Asset asset) => db.Assets.Add(asset);

    public Task<Asset?> FindAsync(AssetId id, CancellationToken cancellationToken) =>
        db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<AssetSummary>> ListByIssuerAsync(string issuerId, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking()
            .Where(a => a.IssuerId == issuerId)
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new AssetSummary(a.Id, a.Name, a.Kind, a.Status, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AssetSummary>> ListByStatusAsync(AssetStatus status, int take, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking()
            .Where(a => a.Status == status)
            .OrderByDescending(a => a.UpdatedAt)
            .Take(take)
            .Select(a => new AssetSummary(a.Id, a.Name, a.Kind, a.Status, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<bool> IsIsrcTakenAsync(string isrc, AssetId except, CancellationToken cancellationToken) =>
        db.Assets.AnyAsync(a => a.Isrc == isrc && a.Id != except, cancellationToken);

    public async Task<IReadOnlyList<Asset>> ListAwaitingChainAsync(int take, CancellationToken cancellationToken) =>
        // Approvals first, then live assets still missing a fact, newest first.
        await db.Assets.Where(a => (a.Status == AssetStatus.Approved && a.CreationOperationId != null)
                || (a.Status == AssetStatus.Live && (a.StreamId == null || a.OfferingOpenedAt == null)))
            .OrderBy(a => a.Status == AssetStatus.Approved ? 0 : 1).ThenByDescending(a => a.ApprovedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<AssetStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking()
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
}
