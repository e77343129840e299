using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Tests;

/// <summary>The cost breakdown and every purchase limit, at and around their boundaries.</summary>
public class PurchaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly BasisPoints Commission = BasisPoints.Create(250).Value;

    /// <summary>Supply 1,000 at 50.00, minimum 1, maximum holding 20% = 200 fractions, offering open for 30 days.</summary>
    private static Asset LiveAsset()
    {
        var asset = AssetTests.ReadyDraft();
        asset.SubmitForReview(Now);
        asset.Approve(Money.Zero, Guid.NewGuid(), Now);
        asset.MarkLive(7, Now);
        return asset;
    }

    private static PurchaseContext Context(long available = 1_000, long held = 0, long pending = 0, long balance = 1_000_000 * Money.UnitsPerWhole,
        long pendingCost = 0, bool verified = true, bool offeringOnChain = true, DateTimeOffset? now = null) =>
        new(verified, verified ? null : "Verify your identity first.", available, held, pending, Money.FromMinorUnits(balance).Value,
            Money.FromMinorUnits(pendingCost).Value, now ?? Now.AddHours(1), offeringOnChain);

    [Fact]
    public void Breakdown_PriceTimesQuantity_CommissionFromTheIssuersProceeds()
    {
        var terms = AssetTests.Terms(price: 25_000_000);

        var b = PurchaseRules.Breakdown(terms, Commission, 40).Value;

        Assert.Equal(1_000_000_000, b.Subtotal.MinorUnits);
        Assert.Equal(25_000_000, b.Commission.MinorUnits);
        Assert.Equal(b.Subtotal, b.Total);
        Assert.Equal(975_000_000, b.IssuerReceives.MinorUnits);
        Assert.Equal(b.Total.MinorUnits, b.Commission.MinorUnits + b.IssuerReceives.MinorUnits);
    }

    [Fact]
    public void Breakdown_RoundsTheCommissionDown_LikeTheContract()
    {
        // 3 x 0.333333 = 0.999999; 2.5% of 999,999 minor units = 24,999.975 -> 24,999.
        var terms = AssetTests.Terms(price: 333_333);

        var b = PurchaseRules.Breakdown(terms, Commission, 3).Value;

        Assert.Equal(999_999, b.Subtotal.MinorUnits);
        Assert.Equal(24_999, b.Commission.MinorUnits);
        Assert.Equal(975_000, b.IssuerReceives.MinorUnits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_001)]
    public void Breakdown_RefusesQuantitiesOutsideTheSupply(long quantity) =>
        Assert.Equal("Quantity", PurchaseRules.Breakdown(AssetTests.Terms(), Commission, quantity).Error!.Fields[0].Field);

    [Fact]
    public void Quote_ExactlyTheMaximumHolding_IsAccepted()
    {
        var quote = PurchaseRules.Quote(LiveAsset(), Commission, 200, Context());

        Assert.True(quote.CanBuy);
        Assert.Equal(200, quote.Bounds.Maximum);
    }

    [Fact]
    public void Quote_OneOverTheMaximumHolding_IsRefusedInWords()
    {
        var quote = PurchaseRules.Quote(LiveAsset(), Commission, 201, Context());

        Assert.False(quote.CanBuy);
        var refusal = Assert.Single(quote.Refusals);
        Assert.Equal("Quantity", refusal.Field);
        Assert.Contains("at most 200 fractions (20.00% of the supply)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_CountsHeldAndInFlightFractionsTowardsTheLimit()
    {
        var atLimit = PurchaseRules.Quote(LiveAsset(), Commission, 50, Context(held: 100, pending: 50));
        var over = PurchaseRules.Quote(LiveAsset(), Commission, 51, Context(held: 100, pending: 50));

        Assert.True(atLimit.CanBuy);
        Assert.Contains("you hold 150 including purchases in progress, so you can buy 50 more", Assert.Single(over.Refusals).Message, StringComparison.Ordinal);
        Assert.Equal(50, over.Bounds.ByHoldingLimit);
    }

    [Fact]
    public void Quote_BalanceExactlyTheCost_IsAccepted_OneUnitLess_IsRefused()
    {
        var cost = 10 * 50 * Money.UnitsPerWhole;

        Assert.True(PurchaseRules.Quote(LiveAsset(), Commission, 10, Context(balance: cost)).CanBuy);
        var refused = PurchaseRules.Quote(LiveAsset(), Commission, 10, Context(balance: cost - 1));
        Assert.Equal("Balance", Assert.Single(refused.Refusals).Field);
        Assert.Contains("Insufficient funds: this costs 500.00", refused.Refusals[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_MoneyCommittedToPurchasesInFlight_IsNotSpendableTwice()
    {
        var refused = PurchaseRules.Quote(LiveAsset(), Commission, 10, Context(balance: 600 * Money.UnitsPerWhole, pendingCost: 200 * Money.UnitsPerWhole));

        Assert.Contains("your available balance is 400.00", Assert.Single(refused.Refusals).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "Sold out")]
    [InlineData(5, 6, "Only 5 fractions are still available")]
    public void Quote_RefusesWhatIsNotAvailable(long available, long quantity, string expected)
    {
        var quote = PurchaseRules.Quote(LiveAsset(), Commission, quantity, Context(available: available));

        Assert.Contains(quote.Refusals, r => r.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_UnverifiedInvestor_IsToldWhatToDo()
    {
        var quote = PurchaseRules.Quote(LiveAsset(), Commission, 1, Context(verified: false));

        Assert.Equal("Verify your identity first.", Assert.Single(quote.Refusals).Message);
        Assert.NotNull(quote.Breakdown);
    }

    [Fact]
    public void Quote_OfferingWindowAndOnChainState_AreChecked()
    {
        Assert.Contains("being opened on chain", Assert.Single(PurchaseRules.Quote(LiveAsset(), Commission, 1, Context(offeringOnChain: false)).Refusals).Message, StringComparison.Ordinal);
        Assert.Contains("closed on", Assert.Single(PurchaseRules.Quote(LiveAsset(), Commission, 1, Context(now: Now.AddDays(31))).Refusals).Message, StringComparison.Ordinal);
        Assert.Contains("opens on", Assert.Single(PurchaseRules.Quote(LiveAsset(), Commission, 1, Context(now: Now.AddHours(-1))).Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_AreTheTightestOfAvailabilityHoldingAndBalance()
    {
        var terms = AssetTests.Terms();

        Assert.Equal(200, PurchaseRules.Bounds(terms, Context()).Maximum);
        Assert.Equal(120, PurchaseRules.Bounds(terms, Context(available: 120)).Maximum);
        Assert.Equal(7, PurchaseRules.Bounds(terms, Context(balance: 7 * 50 * Money.UnitsPerWhole + 49)).Maximum);
        Assert.Equal(0, PurchaseRules.Bounds(AssetTests.Terms(minimum: 10), Context(available: 9)).Maximum);
    }
}
