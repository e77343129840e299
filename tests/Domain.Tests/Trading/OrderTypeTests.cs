using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>IOC, FOK, post-only, protected market orders, GTD and DAY expiry.</summary>
public class OrderTypeTests
{
    private const long DayMs = 86_400_000;

    [Fact]
    public void Ioc_TradesWhatItCan_AndCancelsTheRest()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);

        var (id, events) = h.Place(0, Side.Buy, Price(10.00m), 5, TimeInForce.Ioc);

        Assert.Equal(3, Assert.Single(Trades(events)).Quantity);
        var cancelled = Cancelled(events);
        Assert.Equal((id, 2L, Reason.NoMoreLiquidity), (cancelled.OrderId, cancelled.Quantity, cancelled.Reason));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Equal(0, h.Engine.Cash(0).CashReserved);
        Assert.Equal(0, h.Engine.OpenOrders);
    }

    [Fact]
    public void Fok_NotEnoughAtOnce_IsRefused_AndNothingTrades()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);
        h.Sell(2, Price(10.20m), 3);

        Assert.Equal(Reason.CannotFillCompletely, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.10m), 4, TimeInForce.Fok)));

        Assert.Equal([new BookLevel(Price(10.20m), 3, 1), new BookLevel(Price(10.00m), 3, 1)], h.Depth(Side.Sell).Reverse());
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
    }

    [Fact]
    public void Fok_Enough_FillsCompletely()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);
        h.Sell(2, Price(10.10m), 3);

        var events = h.Place(0, Side.Buy, Price(10.10m), 5, TimeInForce.Fok).Events;

        Assert.Equal([3L, 2L], Trades(events).Select(t => t.Quantity));
        Assert.DoesNotContain(events, e => e.Type == EventType.Cancelled);
    }

    [Fact]
    public void Fok_WhenTheFirstTradeMovesTheBandAwayFromTheNextLevel_IsRefused_AndNothingTrades()
    {
        // Band [9, 11] around 10: both asks are inside, but a trade at 9.00 re-centres it to [8.10, 9.90].
        var h = Standard();
        h.Sell(1, Price(9.00m), 1);
        h.Sell(2, Price(9.95m), 1);

        var events = h.Apply(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(9.95m), 2, TimeInForce.Fok));

        Assert.Empty(Trades(events));
        Assert.Equal(Reason.CannotFillCompletely, Assert.Single(events, e => e.Type == EventType.Rejected).Reason);
        Assert.Equal(2, h.Engine.OpenOrders);
    }

    [Fact]
    public void Fok_ThatTheCircuitBreakerWouldStopHalfway_IsRefused_AndNothingTrades()
    {
        var h = Standard(breakerBps: 200, breakerWindowMs: 60_000);
        h.Sell(1, Price(10.00m), 1);
        h.Place(2, Side.Buy, Price(10.00m), 1);
        h.Sell(1, Price(10.10m), 1);
        h.Sell(3, Price(10.30m), 1);

        var events = h.Apply(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.30m), 2, TimeInForce.Fok));

        Assert.Empty(Trades(events));
        Assert.Equal(Reason.CannotFillCompletely, Assert.Single(events, e => e.Type == EventType.Rejected).Reason);
        Assert.Equal(MarketStatus.Open, h.Engine.Status(0));
    }

    [Fact]
    public void PostOnly_ThatWouldTrade_IsRefused()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);

        Assert.Equal(Reason.WouldTakeLiquidity, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 1, postOnly: true)));
        Assert.Equal(Reason.WouldTakeLiquidity, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Market, 0, 1, TimeInForce.Ioc, postOnly: true)));
        Assert.Equal([new BookLevel(Price(10.00m), 3, 1)], h.Depth(Side.Sell));
    }

    [Fact]
    public void PostOnly_AmendedToACrossingPrice_IsRefused_AndKeepsItsOrderAndHold()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);
        var (bid, _) = h.Place(0, Side.Buy, Price(9.99m), 1, postOnly: true);
        var cash = h.Engine.Cash(0);

        Assert.Equal(Reason.WouldTakeLiquidity, h.Rejection(EngineCommand.Amend(0, bid, 1, Price(10.00m))));

        Assert.Equal([new BookLevel(Price(9.99m), 1, 1)], h.Depth(Side.Buy));
        Assert.Equal([new BookLevel(Price(10.00m), 3, 1)], h.Depth(Side.Sell));
        Assert.Equal(cash, h.Engine.Cash(0));
    }

    [Fact]
    public void PostOnly_ThatDoesNotCross_Rests()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 3);

        var events = h.Place(0, Side.Buy, Price(9.99m), 1, postOnly: true).Events;

        Assert.Empty(Trades(events));
        Assert.Equal([new BookLevel(Price(9.99m), 1, 1)], h.Depth(Side.Buy));
    }

    [Fact]
    public void Market_Buy_TradesUpToTheBandsEdge_NeverBeyond_AndCancelsTheRest()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 5);
        h.Sell(2, Price(11.00m), 5);

        // A trade at 9.50 re-centres the band to [8.55, 10.45]: the ask at 11.00 is beyond it.
        h.Buy(3, Price(9.50m), 1);
        Assert.Single(Trades(h.Place(4, Side.Sell, Price(9.50m), 1).Events));
        var band = h.Engine.Band(0);
        Assert.Equal((Price(8.55m), Price(10.45m)), band);

        var (id, events) = h.Place(0, Side.Buy, 0, 10, TimeInForce.Ioc, kind: OrderKind.Market);

        var trade = Assert.Single(Trades(events));
        Assert.Equal((Price(10.00m), 5L), (trade.Price, trade.Quantity));
        var cancelled = Cancelled(events);
        Assert.Equal((id, 5L, Reason.NoMoreLiquidity), (cancelled.OrderId, cancelled.Quantity, cancelled.Reason));
        Assert.Equal([new BookLevel(Price(11.00m), 5, 1)], h.Depth(Side.Sell));
        Assert.Equal(0, h.Engine.Cash(0).CashReserved);
    }

    [Fact]
    public void Market_Sell_TradesDownToTheBandsEdge_AndNeverRests()
    {
        var h = Standard();
        h.Buy(1, Price(10.00m), 2);
        h.Buy(2, Price(9.50m), 2);

        var events = h.Place(0, Side.Sell, 0, 10, TimeInForce.Gtc, kind: OrderKind.Market).Events;

        Assert.Equal([(Price(10.00m), 2L), (Price(9.50m), 2L)], Trades(events).Select(t => (t.Price, t.Quantity)));
        Assert.Equal(Reason.NoMoreLiquidity, Cancelled(events).Reason);
        Assert.Empty(h.Depth(Side.Sell));
        Assert.Equal(new PositionBalance(996, 0, 0), h.Engine.Fractions(0, 0));
    }

    [Fact]
    public void Market_OnAnEmptyBook_IsCancelled()
    {
        var h = Standard();

        var events = h.Place(0, Side.Buy, 0, 1, kind: OrderKind.Market).Events;

        Assert.Equal(Reason.NoMoreLiquidity, Cancelled(events).Reason);
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
    }

    [Fact]
    public void Limit_OutsideTheBand_OrOffTick_IsRefused()
    {
        var h = Standard();

        Assert.Equal(Reason.OutsideBand, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(11.01m), 1)));
        Assert.Equal(Reason.OutsideBand, h.Rejection(EngineCommand.Place(0, 0, Side.Sell, OrderKind.Limit, Price(8.99m), 1)));
        Assert.Equal(Reason.OffTick, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.005m), 1)));
        Assert.Equal(Reason.InvalidQuantity, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 0)));
    }

    [Fact]
    public void Gtd_RestsUntilItsTime_ThenATickCancelsIt()
    {
        var h = Standard();
        var (id, _) = h.Place(0, Side.Buy, Price(10.00m), 2, TimeInForce.Gtd, expiresAt: Start + 5_000);

        h.Now = Start + 4_999;
        Assert.DoesNotContain(h.Ok(EngineCommand.Tick()), e => e.Type == EventType.Cancelled);
        Assert.Single(h.Depth(Side.Buy));

        h.Now = Start + 5_000;
        var cancelled = Cancelled(h.Ok(EngineCommand.Tick()));

        Assert.Equal((id, Reason.Expired, 2L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
    }

    [Fact]
    public void Gtd_WithAnExpiryNotInTheFuture_IsRefused() =>
        Assert.Equal(Reason.InvalidExpiry, Standard().Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 1, TimeInForce.Gtd, expiresAt: Start)));

    [Fact]
    public void Day_ExpiresAtTheEndOfTheUtcDay()
    {
        var h = Standard();
        var (id, _) = h.Place(0, Side.Sell, Price(10.00m), 2, TimeInForce.Day);

        h.Now = DayMs - 1;
        Assert.DoesNotContain(h.Ok(EngineCommand.Tick()), e => e.Type == EventType.Cancelled);

        h.Now = DayMs;
        var cancelled = Cancelled(h.Ok(EngineCommand.Tick()));

        Assert.Equal((id, Reason.Expired), (cancelled.OrderId, cancelled.Reason));
        Assert.Equal(new PositionBalance(1_000, 0, 0), h.Engine.Fractions(0, 0));
    }

    [Fact]
    public void Expired_ButNotYetTicked_IsCancelledWhereItIsMet_AndNeverTrades()
    {
        var h = Standard();
        var (stale, _) = h.Place(1, Side.Sell, Price(10.00m), 2, TimeInForce.Gtd, expiresAt: Start + 10);
        h.Now = Start + 10;

        var (buy, events) = h.Place(0, Side.Buy, Price(10.00m), 2);

        Assert.Empty(Trades(events));
        var cancelled = Cancelled(events);
        Assert.Equal((stale, Reason.Expired), (cancelled.OrderId, cancelled.Reason));
        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Buy));
        Assert.NotEqual(0, buy);
    }
}
