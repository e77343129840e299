using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Tests;

public class AssetPartsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static Money Usd(long whole) => Money.FromMinorUnits(whole * Money.UnitsPerWhole).Value;
    private static string Address(char c) => "0x" + new string(c, 40);

    [Theory]
    [InlineData("US-RC1-76-07839", "USRC17607839")]
    [InlineData("usrc17607839", "USRC17607839")]
    [InlineData("GB-AAA-25-00001", "GBAAA2500001")]
    public void Isrc_IsNormalized(string input, string expected) =>
        Assert.Equal(expected, MusicRoyaltyDetails.NormalizeIsrc(input));

    [Theory]
    [InlineData("")]
    [InlineData("US-RC1-76-0783")]
    [InlineData("1S-RC1-76-07839")]
    [InlineData("US-RC1-7A-07839")]
    public void Isrc_BadFormat_IsAFieldError(string isrc)
    {
        var result = MusicRoyaltyDetails.Create("Nova", "Night Drive", isrc, MusicRights.Master, Usd(1_000));

        Assert.Contains(result.Error!.Fields, f => f.Field == "Isrc");
    }

    [Fact]
    public void Details_OfAnotherKind_AreRefused()
    {
        var asset = Asset.CreateDraft("issuer", AssetKind.RealEstate, "Rue des Lilas", Now).Value;
        var art = ArtDetails.Create("A", "B", 1900, "Oil", "1x1", "", Now).Value;

        Assert.Contains(asset.SetDetails(art, Now).Error!.Fields, f => f.Field == "Details");
    }

    [Fact]
    public void MusicDetails_SetTheAssetsIsrcKey()
    {
        var asset = Asset.CreateDraft("issuer", AssetKind.MusicRoyalty, "Night Drive (master)", Now).Value;

        asset.SetDetails(MusicRoyaltyDetails.Create("Nova", "Night Drive", "US-RC1-76-07839", MusicRights.Master, Usd(12_000)).Value, Now);

        Assert.Equal("USRC17607839", asset.Isrc);
    }

    [Fact]
    public void ArtDetails_YearInTheFuture_IsRefused() =>
        Assert.Contains(ArtDetails.Create("A", "B", Now.Year + 1, "Oil", "1x1", "", Now).Error!.Fields, f => f.Field == "Year");

    [Fact]
    public void RealEstate_NonPositiveAppraisal_IsRefused() =>
        Assert.Contains(RealEstateDetails.Create("12 Rue des Lilas, Lyon", "Apartment", Money.Zero, Usd(1)).Error!.Fields, f => f.Field == "AppraisedValue");

    [Fact]
    public void Split_SummingTo10000_IsAccepted()
    {
        var split = RevenueSplit.Create(
            [new SplitPayee("Nova", PayeeRole.Artist, Address('a'), 3_000), new SplitPayee("Kai", PayeeRole.Producer, Address('b'), 1_500), new SplitPayee("Lee", PayeeRole.Songwriter, Address('c'), 500)],
            5_000);

        Assert.True(split.IsSuccess);
        Assert.Equal(3, split.Value.Payees.Count);
    }

    [Theory]
    [InlineData(3_000, 6_999, "99.99%")]
    [InlineData(3_000, 7_001, "100.01%")]
    public void Split_NotSummingTo10000_SaysTheActualTotal(int payeeBps, int holdersBps, string shown)
    {
        var split = RevenueSplit.Create([new SplitPayee("Nova", PayeeRole.Artist, Address('a'), payeeBps)], holdersBps);

        var total = Assert.Single(split.Error!.Fields, f => f.Field == "Total");
        Assert.Contains(shown, total.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_BadPayees_NameTheirFields()
    {
        var split = RevenueSplit.Create(
            [new SplitPayee("", PayeeRole.Artist, "0x12", 0), new SplitPayee("B", PayeeRole.Artist, Address('b'), 5_000), new SplitPayee("C", PayeeRole.Artist, Address('b'), 5_000)],
            0);

        var fields = split.Error!.Fields.Select(f => f.Field).ToList();
        Assert.Contains("Payees[0].Label", fields);
        Assert.Contains("Payees[0].Address", fields);
        Assert.Contains("Payees[0].Bps", fields);
        Assert.Contains("Payees", fields); // duplicate address
    }

    [Theory]
    [InlineData(DocumentKind.Document, "application/pdf", 10 * 1024 * 1024, true)]
    [InlineData(DocumentKind.Document, "application/pdf", 10 * 1024 * 1024 + 1, false)]
    [InlineData(DocumentKind.Document, "application/x-msdownload", 100, false)]
    [InlineData(DocumentKind.Photo, "application/pdf", 100, false)]
    [InlineData(DocumentKind.Photo, "image/png", 100, true)]
    [InlineData(DocumentKind.Document, "application/pdf", 0, false)]
    public void Document_TypeAndSizeLimits(DocumentKind kind, string contentType, long size, bool accepted) =>
        Assert.Equal(accepted, AssetDocument.Check(kind, "file", contentType, size).Count == 0);

    [Fact]
    public void Document_SameFileTwice_IsRefused()
    {
        var asset = Asset.CreateDraft("issuer", AssetKind.Art, "Blue Horse", Now).Value;
        asset.AddDocument(AssetTests.Deed(), Now);

        Assert.False(asset.AddDocument(AssetTests.Deed(), Now).IsSuccess);
        Assert.Single(asset.Documents);
    }

    [Fact]
    public void Offering_LockUpInThePast_OrEndBeforeStart_IsRefused()
    {
        var past = OfferingPlan.Create(Now, Now.AddDays(1), Now.AddDays(-1), Now);
        var backwards = OfferingPlan.Create(Now.AddDays(2), Now.AddDays(1), null, Now);

        Assert.Contains(past.Error!.Fields, f => f.Field == "LockUpUntil");
        Assert.Contains(backwards.Error!.Fields, f => f.Field == "End");
    }
}
