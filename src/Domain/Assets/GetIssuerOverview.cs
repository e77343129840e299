using Mediator;

namespace TokenPlatform.Domain.Assets;

/// <summary>The issuer dashboard: assets by status and, for live ones, how much of the offering has sold.</summary>
public sealed record GetIssuerOverview(string IssuerId) : IQuery<IssuerOverview>;

public sealed record IssuerOverview(IReadOnlyList<AssetSummary> Assets, IReadOnlyList<RaiseProgress> Raises);

public sealed record RaiseProgress(AssetId AssetId, string Name, long Sold, long Supply, long RaisedMinorUnits, long TargetMinorUnits);

public sealed class GetIssuerOverviewHandler(IAssetRepository assets, IAssetChainReader chain) : IQueryHandler<GetIssuerOverview, IssuerOverview>
{
    public async ValueTask<IssuerOverview> Handle(GetIssuerOverview query, CancellationToken cancellationToken)
    {
        var mine = await assets.ListByIssuerAsync(query.IssuerId, cancellationToken);
        var raises = new List<RaiseProgress>();
        foreach (var summary in mine.Where(a => a.Status == AssetStatus.Live))
        {
            var asset = await assets.FindAsync(summary.Id, cancellationToken);
            if (asset?.Terms is not { } terms || asset.OnChainTokenId is not { } tokenId)
            {
                continue;
            }

            long sold;
            try
            {
                sold = terms.TotalFractions - await chain.AvailableAsync(tokenId, cancellationToken);
            }
            catch (HttpRequestException)
            {
                continue;
            }

            raises.Add(new RaiseProgress(asset.Id, asset.Name, sold, terms.TotalFractions, checked(sold * terms.PricePerFraction.MinorUnits), terms.OfferingValue.MinorUnits));
        }

        return new IssuerOverview(mine, raises);
    }
}
