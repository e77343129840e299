using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>The asset's revenue page: recent events and monthly totals by source.</summary>
public sealed record GetAssetRevenue(string UserId, AssetId AssetId) : IQuery<Result<AssetRevenueView>>;

/// <param name="Undistributed">Confirmed revenue not yet distributed (128-bit: a sum over any number of events).</param>
/// <param name="IsIssuer">The viewer is the asset's issuer: it confirms payees' events and may void events.</param>
public sealed record AssetRevenueView(Asset Asset, IReadOnlyList<RevenueEvent> Recent, IReadOnlyList<RevenueTotal> Totals, Int128 Undistributed, int UndistributedEvents,
    IReadOnlyList<RevenueEvent> AwaitingConfirmation, bool IsIssuer);

public sealed class GetAssetRevenueHandler(RevenueAccess access, IRevenueStore store) : IQueryHandler<GetAssetRevenue, Result<AssetRevenueView>>
{
    public async ValueTask<Result<AssetRevenueView>> Handle(GetAssetRevenue query, CancellationToken cancellationToken)
    {
        var asset = await access.LoadAsync(query.AssetId, query.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var undistributed = await store.UndistributedAsync(query.AssetId, cancellationToken);
        return new AssetRevenueView(asset.Value, await store.ListAsync(query.AssetId, 200, cancellationToken), await store.TotalsAsync(query.AssetId, cancellationToken),
            undistributed.Aggregate(Int128.Zero, (sum, e) => sum + e.AmountMinorUnits), undistributed.Count,
            await store.AwaitingConfirmationAsync(query.AssetId, cancellationToken), asset.Value.IssuerId == query.UserId);
    }
}
