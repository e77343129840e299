using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class DistributionStore(AppDbContext db) : IDistributionStore
{
    public void Add(Distribution distribution) => db.Add(distribution);

    public Task<Distribution?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Distribution>().Include(d => d.Lines).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<Distribution?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Distribution>().Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<Distribution?> LatestAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<Distribution>().AsNoTracking().Where(d => d.AssetId == assetId && d.Status != DistributionStatus.Cancelled)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public Task<Distribution?> FindByRootAsync(long onChainTokenId, string root, CancellationToken cancellationToken) =>
        db.Set<Distribution>().AsNoTracking()
            .Where(d => d.OnChainTokenId == onChainTokenId && d.MerkleRoot == root && d.Status != DistributionStatus.Cancelled && d.FundedAt != null)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListByAssetAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking().Where(d => d.AssetId == assetId).OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListRecentAsync(int take, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Distribution>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        await db.Set<Distribution>().Where(d => d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed)
            .OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);

    /// <remarks>The authorized wallet is written from the custodial wallet's stored address, the one callers pass: compared as stored.</remarks>
    public async Task<IReadOnlyList<Distribution>> ListUnfinishedDrawingOnAsync(string funderUserId, string? wallet, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking()
            .Where(d => (d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed)
                && (d.FunderUserId == funderUserId || (wallet != null && d.AuthorizedWallet == wallet)))
            .ToListAsync(cancellationToken);

    public async Task<DateTimeOffset?> LastAutomaticCancellationAsync(AssetId assetId, CancellationToken cancellationToken) =>
        (await db.Set<Distribution>().AsNoTracking()
            .Where(d => d.AssetId == assetId && d.Status == DistributionStatus.Cancelled && d.FunderUserId == DistributionExecutor.PlatformFunder)
            .OrderByDescending(d => d.CreatedAt).Select(d => new { d.CompletedAt }).FirstOrDefaultAsync(cancellationToken))?.CompletedAt;

    public async Task<IReadOnlyList<Distribution>> ListUnfinishedByFunderAsync(string funderUserId, CancellationToken cancellationToken) =>
        await db.Set<Distribution>().AsNoTracking()
            .Where(d => d.FunderUserId == funderUserId && (d.Status == DistributionStatus.Executing || d.Status == DistributionStatus.Failed))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Compares lower-cased on both sides, in SQL (not through a collation): payee lines written before split
    /// addresses were checksummed hold the address as it was typed.
    /// </summary>
    public async Task<IReadOnlyList<(Distribution Distribution, DistributionLine Line)>> LinesToAsync(IReadOnlyCollection<string> addresses, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var wanted = addresses.Select(a => a.ToLowerInvariant()).Distinct().ToList();
        // ToLower() here is SQL lower() (EF translates only the parameterless overload); hex digits have no culture.
#pragma warning disable CA1304, CA1311
        var rows = await (from l in db.Set<DistributionLine>().AsNoTracking()
                          join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
                          where l.Address != null && wanted.Contains(l.Address.ToLower()) && d.CreatedAt >= start && d.CreatedAt < end
                              && d.Status != DistributionStatus.Cancelled
                          select new { d, l })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        return rows
            .OrderBy(x => x.d.CreatedAt).ThenBy(x => x.l.Order)
            .Select(x => (x.d, x.l)).ToList();
    }

    public async Task<IReadOnlyList<DistributionLine>> HolderLinesUpToAsync(AssetId assetId, Distribution upTo, CancellationToken cancellationToken) =>
        await (from l in db.Set<DistributionLine>().AsNoTracking()
               join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
               where d.AssetId == assetId && d.CreatedAt <= upTo.CreatedAt && l.Kind == DistributionLineKind.Holder && l.HolderIndex != null
                   && d.Status != DistributionStatus.Cancelled
               select l).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HolderPayout>> PayoutsToAsync(string address, CancellationToken cancellationToken) =>
        (await (from l in db.Set<DistributionLine>().AsNoTracking()
                join d in db.Set<Distribution>().AsNoTracking() on l.DistributionId equals d.Id
                where l.Kind == DistributionLineKind.Holder && l.Address == address && d.Status != DistributionStatus.Cancelled
                select new { d.Id, d.AssetId, d.OnChainTokenId, d.RecordTime, d.CreatedAt, d.Status, l.Fractions, l.Amount, d.FunderUserId })
            .ToListAsync(cancellationToken))
        .OrderByDescending(x => x.CreatedAt)
        .Select(x => new HolderPayout(x.Id, x.AssetId, x.OnChainTokenId, x.RecordTime, x.CreatedAt, x.Status, x.Fractions ?? 0, x.Amount,
            x.FunderUserId == Domain.Distributions.DistributionExecutor.PlatformFunder))
        .ToList();
}
