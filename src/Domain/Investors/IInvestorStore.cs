using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Investors;

/// <summary>KYC applications and primary purchases. Changes are committed by <see cref="Common.IUnitOfWork"/>.</summary>
public interface IInvestorStore
{
    Task<KycApplication?> FindKycAsync(string userId, CancellationToken cancellationToken);

    Task<KycApplication?> FindKycByIdAsync(Guid id, CancellationToken cancellationToken);

    void AddKyc(KycApplication application);

    /// <summary>The review queue (with the applicant's email), oldest first.</summary>
    Task<IReadOnlyList<KycQueueItem>> ListKycAsync(KycStatus? status, int take, CancellationToken cancellationToken);

    void AddPurchase(Purchase purchase);

    Task<Purchase?> FindPurchaseAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Purchase>> ListPurchasesAsync(string investorId, CancellationToken cancellationToken);

    /// <summary>
    /// Purchases the chain may still change, oldest first: submitted ones, and failed ones whose chain
    /// operation changed after they failed (an admin retried it: it is no longer failed, or failed anew).
    /// </summary>
    Task<IReadOnlyList<Purchase>> ListUnsettledPurchasesAsync(int take, CancellationToken cancellationToken);

    /// <summary>Assets by id or by on-chain id (portfolio lookups).</summary>
    Task<IReadOnlyList<Asset>> FindAssetsAsync(IReadOnlyCollection<AssetId> ids, IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken);

    /// <summary>Live assets with their terms (the marketplace filters and sorts them).</summary>
    Task<IReadOnlyList<Asset>> ListLiveAssetsAsync(CancellationToken cancellationToken);
}

public sealed record KycQueueItem(Guid Id, string UserId, string Email, string FullName, string CountryCode, DateOnly DateOfBirth, KycStatus Status,
    string DocumentFileName, string DocumentSha256, DateTimeOffset SubmittedAt, string? RejectionReason, DateTimeOffset? ReviewedAt);
