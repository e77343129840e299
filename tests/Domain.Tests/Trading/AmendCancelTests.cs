using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>Amend (smaller keeps priority, a new price loses it), cancel and cancel-all.</summary>
public class AmendCancelTests
{
    [Fact]
    public void Amend_SmallerQuantity_KeepsPriority_AndReleasesTheHold()
    {
        var h = Standard();
        var first = h.Buy(1, Price(10.00m), 5);
        var second = h.Buy(2, Price(10.00m), 5);

        var amended = Assert.Single(h.Ok(EngineCommand.Amend(1, first, 2)));

        Assert.Equal((EventType.Amended, first, 2L), (amended.Type, amended.OrderId, amended.Remaining));
        Assert.Equal(new AccountBalance(10_000 * Usd - (2 * Price(10.00m)), 2 * Price(10.00m)), h.Engine.Cash(1));
        Assert.Equal([new BookLevel(Price(10.00m), 7, 2)], h.Depth(Side.Buy));
        var trades = Trades(h.Place(0, Side.Sell, Price(10.00m), 3).Events);
        Assert.Equal([(first, 2L), (second, 1L)], trades.Select(t => (t.CounterOrderId, t.Quantity)));
    }

    [Fact]
    public void Amend_Price_LosesPriority()
    {
        var h = Standard();
        var first = h.Sell(1, Price(10.10m), 5);
        var second = h.Sell(2, Price(10.00m), 5);

        h.Ok(EngineCommand.Amend(1, first, 5, Price(10.00m)));

        var trades = Trades(h.Place(0, Side.Buy, Price(10.00m), 6).Events);
        Assert.Equal([(second, 5L), (first, 1L)], trades.Select(t => (t.CounterOrderId, t.Quantity)));
    }

    [Fact]
    public void Amend_LargerQuantity_LosesPriority_AndHoldsMore()
    {
        var h = Standard();
        var first = h.Buy(1, Price(10.00m), 2);
        var second = h.Buy(2, Price(10.00m), 2);

        h.Ok(EngineCommand.Amend(1, first, 4));

        Assert.Equal(4 * Price(10.00m), h.Engine.Cash(1).CashReserved);
        var trade = Trades(h.Place(0, Side.Sell, Price(10.00m), 1).Events)[0];
        Assert.Equal(second, trade.CounterOrderId);
    }

    [Fact]
    public void Amend_ToACrossingPrice_Trades()
    {
        var h = Standard();
        var ask = h.Sell(1, Price(10.10m), 2);
        var bid = h.Buy(0, Price(10.00m), 2);

        var events = h.Ok(EngineCommand.Amend(0, bid, 2, Price(10.10m)));

        var trade = Assert.Single(Trades(events));
        Assert.Equal((bid, ask, Price(10.10m)), (trade.OrderId, trade.CounterOrderId, trade.Price));
        Assert.Equal(0, h.Engine.OpenOrders);
    }

    [Fact]
    public void Amend_ThatWouldBeRefused_ChangesNothing()
    {
        var h = Standard();
        var bid = h.Buy(0, Price(10.00m), 2);

        Assert.Equal(Reason.OutsideBand, h.Rejection(EngineCommand.Amend(0, bid, 2, Price(12.00m))));
        Assert.Equal(Reason.InsufficientCash, h.Rejection(EngineCommand.Amend(0, bid, 100_000)));
        Assert.Equal(Reason.NotYourOrder, h.Rejection(EngineCommand.Amend(1, bid, 1)));

        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Buy));
        Assert.Equal(2 * Price(10.00m), h.Engine.Cash(0).CashReserved);
    }

    [Fact]
    public void Amend_OfADayOrderPastItsDay_BeforeATick_CancelsItAsExpired_AndDoesNotRenewIt()
    {
        var h = Standard();
        h.Sell(1, Price(10.50m), 2);
        var (day, _) = h.Place(0, Side.Buy, Price(10.00m), 2, TimeInForce.Day);
        h.Now = 86_400_000 + 5;

        var events = h.Apply(EngineCommand.Amend(0, day, 2, Price(10.50m)));

        Assert.Empty(Trades(events));
        var cancelled = Cancelled(events);
        Assert.Equal((day, Reason.Expired), (cancelled.OrderId, cancelled.Reason));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
    }

    [Fact]
    public void Amend_SmallerOfAnOrderPastItsExpiry_CancelsItAsExpired()
    {
        var h = Standard();
        var (gtd, _) = h.Place(0, Side.Buy, Price(10.00m), 5, TimeInForce.Gtd, expiresAt: Start + 10);
        h.Now = Start + 10;

        var cancelled = Cancelled(h.Apply(EngineCommand.Amend(0, gtd, 2)));

        Assert.Equal((gtd, Reason.Expired, 5L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Equal(0, h.Engine.OpenOrders);
    }

    [Fact]
    public void Cancel_GivesTheHoldBack_OnlyToItsOwner_AndOnlyOnce()
    {
        var h = Standard();
        var bid = h.Buy(0, Price(10.00m), 2);
        var ask = h.Sell(1, Price(10.50m), 3);

        Assert.Equal(Reason.NotYourOrder, h.Rejection(EngineCommand.Cancel(1, bid)));
        var cancelled = Cancelled(h.Ok(EngineCommand.Cancel(0, bid)));
        Assert.Equal((bid, Reason.CancelledByUser, 2L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Equal(Reason.UnknownOrder, h.Rejection(EngineCommand.Cancel(0, bid)));
        Cancelled(h.Ok(EngineCommand.Cancel(1, ask)));

        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
        Assert.Equal(new PositionBalance(1_000, 0, 0), h.Engine.Fractions(0, 1));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Empty(h.Depth(Side.Sell));
    }

    [Fact]
    public void Cancel_OfAFilledOrder_IsUnknown()
    {
        var h = Standard();
        var ask = h.Sell(1, Price(10.00m), 1);
        h.Buy(0, Price(10.00m), 1);

        Assert.Equal(Reason.UnknownOrder, h.Rejection(EngineCommand.Cancel(1, ask)));
    }

    [Fact]
    public void CancelAll_OnOneAsset_LeavesTheOthers_AndOtherAccounts()
    {
        var h = TwoAssets();
        h.Buy(0, Price(10.00m), 1);
        h.Sell(0, Price(10.50m), 1);
        var other = h.Place(0, Side.Buy, Price(10.00m), 1, asset: 1).Id;
        h.Buy(1, Price(9.90m), 1);

        var events = h.Ok(EngineCommand.CancelAll(0, 0));

        Assert.Equal(2, events.Count(e => e.Type == EventType.Cancelled && e.Reason == Reason.CancelledByUser && e.Account == 0 && e.Asset == 0));
        Assert.Equal([new BookLevel(Price(9.90m), 1, 1)], h.Depth(Side.Buy));
        Assert.Empty(h.Depth(Side.Sell));
        Assert.Single(h.Depth(Side.Buy, asset: 1));
        Assert.Equal(Price(10.00m), h.Engine.Cash(0).CashReserved);
        Assert.Equal(Reason.CancelledByUser, Cancelled(h.Ok(EngineCommand.Cancel(0, other))).Reason);
    }

    [Fact]
    public void CancelAll_OnAllAssets_CancelsEveryOpenOrderOfTheAccount()
    {
        var h = TwoAssets();
        h.Buy(0, Price(10.00m), 1);
        h.Sell(0, Price(10.50m), 1);
        h.Place(0, Side.Sell, Price(10.50m), 1, asset: 1);
        h.Buy(1, Price(9.90m), 1);

        var events = h.Ok(EngineCommand.CancelAll(0));

        Assert.Equal(3, events.Count(e => e.Type == EventType.Cancelled));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
        Assert.Equal(new PositionBalance(1_000, 0, 0), h.Engine.Fractions(1, 0));
        Assert.Equal(1, h.Engine.OpenOrders);
    }

    private static EngineHarness TwoAssets()
    {
        var h = Standard();
        h.Ok(EngineCommand.ListAsset(1, Tick, Reference, 0, 0, bandBps: 1_000, royaltyBps: 0));
        for (var account = 0; account < 6; account++)
        {
            h.Ok(EngineCommand.CreditFractions(account, 1, 1_000));
        }

        return h;
    }
}
