using Mediator;

namespace TokenPlatform.Domain.Assets;

/// <summary>The marketplace: assets live on chain.</summary>
public sealed record ListOpenAssets(int Take = 100) : IQuery<IReadOnlyList<AssetSummary>>;

public sealed class ListOpenAssetsHandler(IAssetRepository assets) : IQueryHandler<ListOpenAssets, IReadOnlyList<AssetSummary>>
{
    public async ValueTask<IReadOnlyList<AssetSummary>> Handle(ListOpenAssets query, CancellationToken cancellationToken) =>
        await assets.ListByStatusAsync(AssetStatus.Live, Math.Clamp(query.Take, 1, 500), cancellationToken);
}
