using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>Fees, royalties, the fee cap's hold, deposits and withdrawals.</summary>
public class FeeAndCashTests
{
    [Fact]
    public void Trade_ChargesEachSideTheFee_AndTheSellerTheRoyalty_RoundedDown()
    {
        var h = Standard(royaltyBps: 200, feeBps: 50, capBps: 100);
        var bid = h.Buy(0, Price(10.01m), 3);
        Assert.Equal((3 * Price(10.01m)) + (3 * Price(10.01m) / 100), h.Engine.Cash(0).CashReserved);

        var trade = Assert.Single(Trades(h.Place(1, Side.Sell, Price(10.01m), 3).Events));

        var notional = 3 * Price(10.01m);
        Assert.Equal((bid, notional * 50 / 10_000, notional * 50 / 10_000, notional * 200 / 10_000), (trade.CounterOrderId, trade.BuyerFee, trade.SellerFee, trade.Royalty));
        Assert.Equal(new AccountBalance(10_000 * Usd - notional - trade.BuyerFee, 0), h.Engine.Cash(0));
        Assert.Equal(new AccountBalance(10_000 * Usd + notional - trade.SellerFee - trade.Royalty, 0), h.Engine.Cash(1));
        Assert.Equal(2 * (notional * 50 / 10_000), h.Engine.FeesCollected);
        Assert.Equal(notional * 200 / 10_000, h.Engine.RoyaltiesCollected(0));
    }

    [Fact]
    public void BuyThatCannotCoverTheCappedFee_IsRefused()
    {
        var h = Standard(feeBps: 0, capBps: 100);
        h.Ok(EngineCommand.WithdrawCash(0, (10_000 * Usd) - (100 * Price(10.00m))));

        Assert.Equal(Reason.InsufficientCash, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 100)));
        h.Buy(0, Price(10.00m), 99);
    }

    [Fact]
    public void FeeCapRaise_ReholdsOpenBuys_AndCancelsThoseItsAccountCannotCover()
    {
        var h = Standard(feeBps: 10, capBps: 100);
        h.Buy(0, Price(10.00m), 100);
        h.Buy(1, Price(10.00m), 100);
        h.Ok(EngineCommand.WithdrawCash(1, h.Engine.Cash(1).CashAvailable - 10 * Usd));

        var events = h.Ok(EngineCommand.SetTradingFee(10, 300));

        Assert.Equal(new AccountBalance(10_000 * Usd - (1_000 * Usd) - (30 * Usd), 1_030 * Usd), h.Engine.Cash(0));
        var cancelled = Cancelled(events);
        Assert.Equal((1, Reason.InsufficientCash), (cancelled.Account, cancelled.Reason));
        Assert.Equal(new AccountBalance(1_020 * Usd, 0), h.Engine.Cash(1));
        Assert.Equal([new BookLevel(Price(10.00m), 100, 1)], h.Depth(Side.Buy));
    }

    [Fact]
    public void FeeCapCut_ReleasesPartOfTheHold()
    {
        var h = Standard(feeBps: 10, capBps: 100);
        h.Buy(0, Price(10.00m), 100);

        h.Ok(EngineCommand.SetTradingFee(10, 10));

        Assert.Equal(1_001 * Usd, h.Engine.Cash(0).CashReserved);
    }

    [Fact]
    public void FeeAboveTheCap_IsRefused() =>
        Assert.Equal(Reason.InvalidAmount, Standard().Rejection(EngineCommand.SetTradingFee(200, 100)));

    [Fact]
    public void DepositOrCredit_BeyondWhatABalanceHolds_IsRefused_NotThrown()
    {
        var h = EngineHarness.Standard();
        var cash = h.Engine.Cash(0);
        var fractions = h.Engine.Fractions(0, 0);

        Assert.Equal(Reason.AmountTooLarge, h.Rejection(EngineCommand.DepositCash(0, long.MaxValue)));
        Assert.Equal(Reason.AmountTooLarge, h.Rejection(EngineCommand.CreditFractions(0, 0, long.MaxValue)));
        Assert.Equal((cash, fractions), (h.Engine.Cash(0), h.Engine.Fractions(0, 0)));
    }

    [Fact]
    public void Withdraw_MoreThanAvailable_IsRefused_CashHeldByBuysIsNotAvailable()
    {
        var h = Standard();
        h.Buy(0, Price(10.00m), 100);

        Assert.Equal(Reason.InsufficientCash, h.Rejection(EngineCommand.WithdrawCash(0, 9_000 * Usd + 1)));
        Assert.Equal(Reason.InvalidAmount, h.Rejection(EngineCommand.WithdrawCash(0, 0)));
        h.Ok(EngineCommand.WithdrawCash(0, 9_000 * Usd));

        Assert.Equal(new AccountBalance(0, 1_000 * Usd), h.Engine.Cash(0));
    }

    [Fact]
    public void UnknownAccount_CanNeitherDepositNorTrade()
    {
        var h = Standard();

        Assert.Equal(Reason.UnknownAccount, h.Rejection(EngineCommand.DepositCash(40, Usd)));
        Assert.Equal(Reason.UnknownAccount, h.Rejection(EngineCommand.Place(40, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 1)));
        Assert.Equal(Reason.UnknownAsset, h.Rejection(EngineCommand.Place(0, 3, Side.Buy, OrderKind.Limit, Price(10.00m), 1)));
    }

    [Fact]
    public void FeeAndRoyaltyTogether_NeverTakeMoreThanTheSale_SoTheSellersCashNeverGoesNegative()
    {
        // The largest royalty a listing accepts is 50 %; a fee above 50 % would let a sale cost the seller more than it brings.
        var h = Standard(royaltyBps: 5_000);
        Assert.Equal(Reason.InvalidAmount, h.Rejection(EngineCommand.SetTradingFee(5_001, 10_000)));
        h.Ok(EngineCommand.SetTradingFee(5_000, 10_000));
        h.Ok(EngineCommand.WithdrawCash(1, 10_000 * Usd));
        h.Buy(0, Price(10.00m), 10);

        var trade = Assert.Single(Trades(h.Place(1, Side.Sell, Price(10.00m), 10).Events));

        Assert.Equal(trade.Price * trade.Quantity, trade.SellerFee + trade.Royalty);
        Assert.Equal(new AccountBalance(0, 0), h.Engine.Cash(1));
    }
}
