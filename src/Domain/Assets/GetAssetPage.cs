using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Assets;

/// <summary>Everything the asset page shows. Drafts and reviews are visible to their issuer and admins only.</summary>
public sealed record GetAssetPage(AssetId AssetId, string ViewerId, bool ViewerIsAdmin) : IQuery<Result<AssetPage>>;

public sealed record AssetPage(
    Asset Asset,
    FeeSchedule Fees,
    IReadOnlyList<ChainOperationView> ChainOperations,
    long? AvailableFractions,
    bool ViewerIsIssuer,
    EffectiveFees? Effective = null);

public sealed class GetAssetPageHandler(IAssetRepository assets, IFeeScheduleRepository fees, IChainMonitor monitor, IAssetChainReader chain, TimeProvider clock)
    : IQueryHandler<GetAssetPage, Result<AssetPage>>
{
    public async ValueTask<Result<AssetPage>> Handle(GetAssetPage query, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(query.AssetId, cancellationToken);
        var isIssuer = asset?.IssuerId == query.ViewerId;
        var isPublic = asset?.Status is AssetStatus.Live or AssetStatus.Approved;
        if (asset is null || (!isPublic && !isIssuer && !query.ViewerIsAdmin))
        {
            return Error.NotFound("asset.missing", "No such asset.");
        }

        var operations = await monitor.ListByKeyPrefixAsync(OperationKeys.AssetPrefix(asset.Id), cancellationToken);
        long? available = null;
        if (asset.OnChainTokenId is { } tokenId)
        {
            try
            {
                available = await chain.AvailableAsync(tokenId, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // The chain is unreachable: the page still shows everything else.
            }
        }

        var effective = await fees.EffectiveForAsync(asset.Id, clock.GetUtcNow(), cancellationToken);
        return new AssetPage(asset, effective.Schedule, operations, available, isIssuer, effective);
    }
}
