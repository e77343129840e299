using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

public enum MarketplaceSort
{
    Newest = 0,
    PriceAscending = 1,
    PriceDescending = 2,
    YieldDescending = 3,
    AvailableDescending = 4,
    Name = 5,
}

/// <summary>Live assets filtered, sorted and paged. Prices in minor units, yield and availability in basis points.</summary>
public sealed record BrowseMarketplace(
    AssetKind? Kind = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    int? MinYieldBps = null,
    int? MinAvailableBps = null,
    string? Search = null,
    MarketplaceSort Sort = MarketplaceSort.Newest,
    int Page = 1,
    int PageSize = 12) : IQuery<MarketplacePage>;

public sealed record MarketplaceItem(
    AssetId Id,
    string Name,
    AssetKind Kind,
    string Subtitle,
    Money PricePerFraction,
    long Supply,
    long Available,
    int? ExpectedYieldBps,
    Money OfferingValue,
    Money Raised,
    Guid? PhotoId,
    DateTimeOffset OfferingEnd,
    DateTimeOffset UpdatedAt)
{
    public int AvailableBps => Supply == 0 ? 0 : (int)(Available * BasisPoints.Whole / Supply);

    public long Sold => Supply - Available;
}

public sealed record MarketplacePage(IReadOnlyList<MarketplaceItem> Items, int Total, int Page, int PageSize);

public sealed class BrowseMarketplaceHandler(IInvestorStore store, IHoldingsReader holdings) : IQueryHandler<BrowseMarketplace, MarketplacePage>
{
    public const int MaxPageSize = 100;

    public async ValueTask<MarketplacePage> Handle(BrowseMarketplace query, CancellationToken cancellationToken)
    {
        var live = await store.ListLiveAssetsAsync(cancellationToken);
        var escrow = await holdings.InEscrowAsync(live.Select(a => a.OnChainTokenId!.Value).ToList(), cancellationToken);
        var items = live.Where(a => a.Terms is not null).Select(a => ToItem(a, escrow)).ToList();
        return Filter(items, query);
    }

    /// <summary>The pure part: filters, sort and paging over the items (unit-tested).</summary>
    public static MarketplacePage Filter(IReadOnlyList<MarketplaceItem> items, BrowseMarketplace query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = query.Search?.Trim();
        var filtered = items
            .Where(i => query.Kind is null || i.Kind == query.Kind)
            .Where(i => query.MinPrice is null || i.PricePerFraction.MinorUnits >= query.MinPrice)
            .Where(i => query.MaxPrice is null || i.PricePerFraction.MinorUnits <= query.MaxPrice)
            .Where(i => query.MinYieldBps is null || (i.ExpectedYieldBps ?? -1) >= query.MinYieldBps)
            .Where(i => query.MinAvailableBps is null || i.AvailableBps >= query.MinAvailableBps)
            .Where(i => string.IsNullOrEmpty(search)
                || i.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || i.Subtitle.Contains(search, StringComparison.OrdinalIgnoreCase));
        var sorted = query.Sort switch
        {
            MarketplaceSort.PriceAscending => filtered.OrderBy(i => i.PricePerFraction.MinorUnits),
            MarketplaceSort.PriceDescending => filtered.OrderByDescending(i => i.PricePerFraction.MinorUnits),
            MarketplaceSort.YieldDescending => filtered.OrderByDescending(i => i.ExpectedYieldBps ?? -1),
            MarketplaceSort.AvailableDescending => filtered.OrderByDescending(i => i.AvailableBps),
            MarketplaceSort.Name => filtered.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase),
            _ => filtered.OrderByDescending(i => i.UpdatedAt),
        };
        var all = sorted.ThenBy(i => i.Id.Value).ToList();
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        return new MarketplacePage(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size);
    }

    private static MarketplaceItem ToItem(Asset asset, IReadOnlyDictionary<long, long> escrow)
    {
        var terms = asset.Terms!;
        // Not indexed yet (just created): nothing can have been sold.
        var available = escrow.TryGetValue(asset.OnChainTokenId!.Value, out var held) ? held : terms.TotalFractions;
        var (subtitle, income) = asset.Details switch
        {
            RealEstateDetails r => (r.Address, (Money?)r.ExpectedAnnualRent),
            MusicRoyaltyDetails m => ($"{m.Artist} - {m.Track}", m.ExpectedAnnualRoyalties),
            ArtDetails art => ($"{art.Artist}, {art.Title} ({art.Year})", null),
            _ => ("", null),
        };
        var value = terms.OfferingValue;
        int? yieldBps = income is { } i && value.MinorUnits > 0 ? (int)Int128.Min(int.MaxValue, (Int128)i.MinorUnits * BasisPoints.Whole / value.MinorUnits) : null;
        var photo = asset.Documents.Where(d => d.Kind == DocumentKind.Photo).OrderBy(d => d.UploadedAt).FirstOrDefault();
        return new MarketplaceItem(asset.Id, asset.Name, asset.Kind, subtitle, terms.PricePerFraction, terms.TotalFractions, available, yieldBps, value,
            Money.FromMinorUnits((terms.TotalFractions - available) * terms.PricePerFraction.MinorUnits).Value, photo?.Id,
            asset.Offering?.End ?? DateTimeOffset.MaxValue, asset.UpdatedAt);
    }
}
