using Mediator;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Fees;

public sealed record AssetFeeOverrideView(AssetId AssetId, string AssetName, AssetFeeOverride Override);

public sealed record ListAssetFeeOverrides : IQuery<IReadOnlyList<AssetFeeOverrideView>>;

public sealed class ListAssetFeeOverridesHandler(IFeeScheduleRepository fees, IAssetRepository assets) : IQueryHandler<ListAssetFeeOverrides, IReadOnlyList<AssetFeeOverrideView>>
{
    public async ValueTask<IReadOnlyList<AssetFeeOverrideView>> Handle(ListAssetFeeOverrides query, CancellationToken cancellationToken)
    {
        var views = new List<AssetFeeOverrideView>();
        foreach (var o in await fees.OverridesAsync(cancellationToken))
        {
            views.Add(new AssetFeeOverrideView(o.AssetId, (await assets.FindAsync(o.AssetId, cancellationToken))?.Name ?? "", o));
        }

        return views;
    }
}
