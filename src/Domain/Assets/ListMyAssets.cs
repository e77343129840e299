using Mediator;

namespace TokenPlatform.Domain.Assets;

public sealed record ListMyAssets(string IssuerId) : IQuery<IReadOnlyList<AssetSummary>>;

public sealed class ListMyAssetsHandler(IAssetRepository assets) : IQueryHandler<ListMyAssets, IReadOnlyList<AssetSummary>>
{
    public async ValueTask<IReadOnlyList<AssetSummary>> Handle(ListMyAssets query, CancellationToken cancellationToken) =>
        await assets.ListByIssuerAsync(query.IssuerId, cancellationToken);
}
