using Mediator;

namespace TokenPlatform.Domain.Assets;

/// <summary>Assets waiting for an admin's decision, oldest first.</summary>
public sealed record ListAssetsInReview : IQuery<IReadOnlyList<AssetSummary>>;

public sealed class ListAssetsInReviewHandler(IAssetRepository assets) : IQueryHandler<ListAssetsInReview, IReadOnlyList<AssetSummary>>
{
    public async ValueTask<IReadOnlyList<AssetSummary>> Handle(ListAssetsInReview query, CancellationToken cancellationToken) =>
        (await assets.ListByStatusAsync(AssetStatus.InReview, 500, cancellationToken)).OrderBy(a => a.UpdatedAt).ToList();
}
