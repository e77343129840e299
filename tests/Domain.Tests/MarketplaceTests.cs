using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Tests;

public class MarketplaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static MarketplaceItem Item(string name, AssetKind kind, long price, long available, int? yieldBps, int minutesAgo) =>
        new(new AssetId(Guid.NewGuid()), name, kind, $"{name} subtitle", Money.FromMinorUnits(price).Value, 1_000, available, yieldBps,
            Money.FromMinorUnits(price * 1_000).Value, Money.FromMinorUnits((1_000 - available) * price).Value, null, Now.AddDays(30), Now.AddMinutes(-minutesAgo));

    private static readonly IReadOnlyList<MarketplaceItem> Items =
    [
        Item("Lyon flat", AssetKind.RealEstate, 32_500_000, 900, 480, 1),
        Item("Blue Horse", AssetKind.Art, 100_000_000, 100, null, 2),
        Item("Night Drive", AssetKind.MusicRoyalty, 25_000_000, 500, 768, 3),
        Item("Day Drive", AssetKind.MusicRoyalty, 5_000_000, 1_000, 200, 4),
    ];

    private static List<string> Names(BrowseMarketplace query) => BrowseMarketplaceHandler.Filter(Items, query).Items.Select(i => i.Name).ToList();

    [Fact]
    public void Filters_CombineKindPriceYieldAvailabilityAndSearch()
    {
        Assert.Equal(["Night Drive", "Day Drive"], Names(new BrowseMarketplace(Kind: AssetKind.MusicRoyalty)));
        Assert.Equal(["Lyon flat", "Night Drive"], Names(new BrowseMarketplace(MinPrice: 20_000_000, MaxPrice: 40_000_000)));
        Assert.Equal(["Lyon flat", "Night Drive"], Names(new BrowseMarketplace(MinYieldBps: 400)));
        Assert.Equal(["Lyon flat", "Day Drive"], Names(new BrowseMarketplace(MinAvailableBps: 9_000)));
        Assert.Equal(["Night Drive", "Day Drive"], Names(new BrowseMarketplace(Search: "drive")));
        Assert.Equal(["Night Drive"], Names(new BrowseMarketplace(Kind: AssetKind.MusicRoyalty, MinYieldBps: 500, Search: "DRIVE")));
    }

    [Fact]
    public void Sorts_AreStable()
    {
        Assert.Equal(["Day Drive", "Night Drive", "Lyon flat", "Blue Horse"], Names(new BrowseMarketplace(Sort: MarketplaceSort.PriceAscending)));
        Assert.Equal(["Night Drive", "Lyon flat", "Day Drive", "Blue Horse"], Names(new BrowseMarketplace(Sort: MarketplaceSort.YieldDescending)));
        Assert.Equal(["Day Drive", "Lyon flat", "Night Drive", "Blue Horse"], Names(new BrowseMarketplace(Sort: MarketplaceSort.AvailableDescending)));
        Assert.Equal(["Lyon flat", "Blue Horse", "Night Drive", "Day Drive"], Names(new BrowseMarketplace()));
    }

    [Fact]
    public void Paging_ClampsToTheLastPage()
    {
        var page = BrowseMarketplaceHandler.Filter(Items, new BrowseMarketplace(Page: 9, PageSize: 3));

        Assert.Equal(2, page.Page);
        Assert.Equal(4, page.Total);
        Assert.Equal("Day Drive", Assert.Single(page.Items).Name);
    }
}
