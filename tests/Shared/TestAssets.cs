using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Tests.Shared;

/// <summary>Live assets built through the aggregate's own methods (no chain needed), for tests.</summary>
public static class TestAssets
{
    /// <summary>
    /// An art asset: 1,000 fractions at 50.00, minimum 2, maximum holding 20%, live with the given on-chain id,
    /// its offering recorded as open on chain unless <paramref name="offeringOpened"/> is false.
    /// </summary>
    public static Asset LiveArt(string issuerId, long onChainTokenId, IReadOnlyList<SplitPayee>? payees = null, int holdersBps = 8_000, bool offeringOpened = true)
    {
        var now = DateTimeOffset.UtcNow;
        var asset = Asset.CreateDraft(issuerId, AssetKind.Art, "Blue Horse", now).Value;
        asset.SetDetails(ArtDetails.Create("Franz Marc", "Blue Horse", 1911, "Oil on canvas", "105 x 85 cm", "Private collection", now).Value, now);
        asset.SetTerms(AssetTerms.Create(1_000, Money.FromMinorUnits(50_000_000).Value, 2, BasisPoints.Create(2_000).Value, BasisPoints.Create(0).Value).Value, now);
        asset.SetOffering(OfferingPlan.Create(now.AddMinutes(-1), now.AddDays(30), null, now).Value, now);
        asset.SetSplit(RevenueSplit.Create(payees ?? [new SplitPayee("Estate", PayeeRole.Artist, "0x" + new string('1', 40), 2_000)], holdersBps).Value, now);
        asset.AddDocument(AssetDocument.Create(DocumentKind.Document, "deed.pdf", "application/pdf", 1_000, new string('a', 64), "k", now).Value, now);
        asset.SubmitForReview(now);
        asset.Approve(Money.Zero, Guid.NewGuid(), now);
        asset.MarkLive(onChainTokenId, now);
        if (offeringOpened)
        {
            asset.RecordOfferingOpened(now, now);
        }

        return asset;
    }
}
