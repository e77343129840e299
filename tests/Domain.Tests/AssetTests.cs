using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Tests;

public class AssetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    internal static AssetTerms Terms(long supply = 1_000, long price = 50_000_000, long minimum = 1, int maxHoldingBps = 2_000, int royaltyBps = 0) =>
        AssetTerms.Create(supply, Money.FromMinorUnits(price).Value, minimum, BasisPoints.Create(maxHoldingBps).Value, BasisPoints.Create(royaltyBps).Value).Value;

    private static Asset Draft(AssetKind kind = AssetKind.Art) => Asset.CreateDraft("issuer-1", kind, "  Blue Horse  ", Now).Value;

    internal static AssetDocument Deed(string hashSeed = "a") =>
        AssetDocument.Create(DocumentKind.Document, "deed.pdf", "application/pdf", 1_000, new string(hashSeed[0], 64), "store/deed", Now).Value;

    /// <summary>An art draft with everything review needs.</summary>
    internal static Asset ReadyDraft()
    {
        var asset = Draft();
        asset.SetDetails(ArtDetails.Create("Franz Marc", "Blue Horse", 1911, "Oil on canvas", "105 x 85 cm", "Private collection", Now).Value, Now);
        asset.SetTerms(Terms(), Now);
        asset.SetOffering(OfferingPlan.Create(Now, Now.AddDays(30), Now.AddDays(90), Now).Value, Now);
        asset.SetSplit(RevenueSplit.Create([new SplitPayee("Artist estate", PayeeRole.Artist, "0x" + new string('1', 40), 2_000)], 8_000).Value, Now);
        asset.AddDocument(Deed(), Now);
        return asset;
    }

    [Fact]
    public void CreateDraft_TrimsNameAndStartsAsDraft()
    {
        var asset = Draft();

        Assert.Equal("Blue Horse", asset.Name);
        Assert.Equal(AssetStatus.Draft, asset.Status);
        Assert.Equal(Now, asset.CreatedAt);
        Assert.Null(asset.Terms);
    }

    [Theory]
    [InlineData("", "Name")]
    [InlineData("ab", "Name")]
    public void CreateDraft_WithBadName_ReturnsFieldError(string name, string field)
    {
        var result = Asset.CreateDraft("issuer-1", AssetKind.Art, name, Now);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Contains(result.Error.Fields, f => f.Field == field);
    }

    [Fact]
    public void CreateDraft_WithUndefinedKind_ReturnsKindError() =>
        Assert.Contains(Asset.CreateDraft("issuer-1", (AssetKind)42, "Valid name", Now).Error!.Fields, f => f.Field == "Kind");

    [Fact]
    public void SubmitForReview_Incomplete_NamesEveryMissingPartAndStaysDraft()
    {
        var asset = Draft();

        var result = asset.SubmitForReview(Now);

        Assert.Equal(["Details", "Documents", "Offering", "Split", "Terms"], result.Error!.Fields.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Equal(AssetStatus.Draft, asset.Status);
    }

    [Fact]
    public void Lifecycle_DraftToReviewToApprovedToLive_LocksTheTerms()
    {
        var asset = ReadyDraft();
        var creation = Guid.NewGuid();
        Assert.True(asset.SubmitForReview(Now.AddMinutes(1)).IsSuccess);
        Assert.True(asset.Approve(Money.FromMinorUnits(500_000_000).Value, creation, Now.AddMinutes(2)).IsSuccess);

        var change = asset.SetTerms(Terms(supply: 2_000), Now.AddMinutes(3));

        Assert.Equal(ErrorKind.Conflict, change.Error!.Kind);
        Assert.Equal(1_000, asset.Terms!.TotalFractions);
        Assert.Equal(AssetStatus.Approved, asset.Status);
        Assert.Equal(creation, asset.CreationOperationId);
        Assert.Equal(500_000_000, asset.ListingFee!.Value.MinorUnits);
        Assert.False(asset.AddDocument(Deed("b"), Now).IsSuccess);

        Assert.True(asset.MarkLive(7, Now.AddMinutes(3)).IsSuccess);
        Assert.True(asset.MarkLive(7, Now.AddMinutes(4)).IsSuccess); // idempotent
        Assert.Equal((AssetStatus.Live, 7L), (asset.Status, asset.OnChainTokenId!.Value));
    }

    [Fact]
    public void ChainFacts_AreRecordedOnce_AndOnlyOnAnApprovedOrLiveAsset()
    {
        var draft = ReadyDraft();
        Assert.False(draft.RecordStream(3, Now));
        Assert.False(draft.RecordOfferingOpened(Now, Now));
        Assert.False(draft.AwaitsChain);

        draft.SubmitForReview(Now);
        draft.Approve(Money.Zero, Guid.NewGuid(), Now);
        Assert.True(draft.AwaitsChain);
        Assert.False(draft.RecordStream(0, Now));
        Assert.True(draft.RecordStream(3, Now.AddMinutes(1)));
        Assert.False(draft.RecordStream(4, Now.AddMinutes(2)));
        draft.MarkLive(7, Now.AddMinutes(2));
        Assert.True(draft.AwaitsChain);
        Assert.True(draft.RecordOfferingOpened(Now.AddMinutes(2), Now.AddMinutes(3)));
        Assert.False(draft.RecordOfferingOpened(Now.AddMinutes(5), Now.AddMinutes(5)));

        Assert.Equal((3L, Now.AddMinutes(2)), (draft.StreamId!.Value, draft.OfferingOpenedAt!.Value));
        Assert.False(draft.AwaitsChain);
    }

    [Fact]
    public void MarkLive_BeforeApproval_IsConflict() => Assert.Equal(ErrorKind.Conflict, ReadyDraft().MarkLive(1, Now).Error!.Kind);

    [Fact]
    public void Reject_RequiresReason_AndEditingReopensAsDraft()
    {
        var asset = ReadyDraft();
        asset.SubmitForReview(Now);

        Assert.False(asset.Reject("  ", Now).IsSuccess);
        Assert.Equal(AssetStatus.InReview, asset.Status);
        Assert.True(asset.Reject("Appraisal missing", Now).IsSuccess);
        Assert.Equal("Appraisal missing", asset.RejectionReason);

        Assert.True(asset.Rename("Blue Horse II", Now).IsSuccess);
        Assert.Equal(AssetStatus.Draft, asset.Status);
    }

    [Fact]
    public void Approve_WhenNotInReview_IsConflict() => Assert.Equal(ErrorKind.Conflict, Draft().Approve(Money.Zero, Guid.NewGuid(), Now).Error!.Kind);

    [Fact]
    public void SetTerms_RealEstateWithResaleRoyalty_IsRefusedWithoutStateChange()
    {
        var asset = Draft(AssetKind.RealEstate);

        var result = asset.SetTerms(Terms(royaltyBps: 500), Now);

        Assert.Contains(result.Error!.Fields, f => f.Field == "ResaleRoyalty");
        Assert.Null(asset.Terms);
    }

    [Theory]
    [InlineData(0, 1, 1, 10_000, "TotalFractions")]
    [InlineData(100, 0, 1, 10_000, "PricePerFraction")]
    [InlineData(100, 1, 0, 10_000, "MinimumPurchase")]
    [InlineData(100, 1, 101, 10_000, "MinimumPurchase")]
    [InlineData(100, 1, 1, 0, "MaxHolding")]
    [InlineData(100, 1, 10, 500, "MaxHolding")]
    public void AssetTerms_Invalid_NamesTheField(long supply, long price, long minimum, int maxHolding, string field)
    {
        var result = AssetTerms.Create(supply, Money.FromMinorUnits(price).Value, minimum, BasisPoints.Create(maxHolding).Value, BasisPoints.Create(0).Value);

        Assert.Contains(result.Error!.Fields, f => f.Field == field);
    }

    [Fact]
    public void AssetTerms_SupplyTimesPriceOverflow_IsFieldError()
    {
        var result = AssetTerms.Create(1_000_000_000_000, Money.FromMinorUnits(long.MaxValue / 1000).Value, 1, BasisPoints.Create(10_000).Value, BasisPoints.Create(0).Value);

        Assert.Contains(result.Error!.Fields, f => f.Field == "PricePerFraction");
    }

    [Fact]
    public void AssetTerms_MaxHoldingExactlyAllowsMinimum_IsAccepted()
    {
        // 5% of 200 = 10 fractions: a minimum purchase of exactly 10 fits; 11 would not.
        Assert.True(AssetTerms.Create(200, Money.FromMinorUnits(1).Value, 10, BasisPoints.Create(500).Value, BasisPoints.Create(0).Value).IsSuccess);
        Assert.False(AssetTerms.Create(200, Money.FromMinorUnits(1).Value, 11, BasisPoints.Create(500).Value, BasisPoints.Create(0).Value).IsSuccess);
    }

    [Fact]
    public void AssetTerms_OfferingValue_IsSupplyTimesPrice() =>
        Assert.Equal(50_000_000_000, Terms().OfferingValue.MinorUnits);
}
