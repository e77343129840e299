using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class InvestorStore(AppDbContext db) : IInvestorStore
{
    public Task<KycApplication?> FindKycAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<KycApplication>().FirstOrDefaultAsync(k => k.UserId == userId, cancellationToken);

    public Task<KycApplication?> FindKycByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<KycApplication>().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public void AddKyc(KycApplication application) => db.Set<KycApplication>().Add(application);

    public async Task<IReadOnlyList<KycQueueItem>> ListKycAsync(KycStatus? status, int take, CancellationToken cancellationToken) =>
        await (from k in db.Set<KycApplication>().AsNoTracking()
               join u in db.Users on k.UserId equals u.Id
               where status == null || k.Status == status
               orderby k.SubmittedAt
               select new KycQueueItem(k.Id, k.UserId, u.Email ?? "", k.FullName, k.CountryCode, k.DateOfBirth, k.Status, k.DocumentFileName, k.DocumentSha256,
                   k.SubmittedAt, k.RejectionReason, k.ReviewedAt))
            .Take(take).ToListAsync(cancellationToken);

    public void AddPurchase(Purchase purchase) => db.Set<Purchase>().Add(purchase);

    public Task<Purchase?> FindPurchaseAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Purchase>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Purchase>> ListPurchasesAsync(string investorId, CancellationToken cancellationToken) =>
        await db.Set<Purchase>().AsNoTracking().Where(p => p.InvestorId == investorId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Purchase>> ListUnsettledPurchasesAsync(int take, CancellationToken cancellationToken) =>
        await db.Set<Purchase>()
            .Where(p => p.Status == PurchaseStatus.Submitted
                || (p.Status == PurchaseStatus.Failed && db.ChainOperations.Any(o => o.Id == p.OperationId
                    && (o.Status != Domain.Chain.ChainOperationStatus.Failed || o.UpdatedAt > p.UpdatedAt))))
            .OrderBy(p => p.CreatedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Asset>> FindAssetsAsync(IReadOnlyCollection<AssetId> ids, IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking()
            .Where(a => ids.Contains(a.Id) || (a.OnChainTokenId != null && tokenIds.Contains(a.OnChainTokenId.Value)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Asset>> ListLiveAssetsAsync(CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Live && a.OnChainTokenId != null).OrderByDescending(a => a.UpdatedAt).Take(2_000)
            .ToListAsync(cancellationToken);
}
