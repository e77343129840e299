using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>The circuit breaker halts the market instead of a trade beyond its threshold; an admin reopens it.</summary>
public class CircuitBreakerTests
{
    [Fact]
    public void TradeBeyondTheThreshold_HaltsTheMarket_IsNotMade_AndTheRestIsCancelled()
    {
        var h = Standard(breakerBps: 200, breakerWindowMs: 60_000);
        h.Sell(1, Price(10.00m), 1);
        h.Buy(2, Price(10.00m), 1);
        h.Sell(1, Price(10.10m), 1);
        var far = h.Sell(3, Price(10.30m), 1);

        var (id, events) = h.Place(0, Side.Buy, Price(10.30m), 3);

        var trade = Assert.Single(Trades(events));
        Assert.Equal(Price(10.10m), trade.Price);
        var halted = Assert.Single(events, e => e.Type == EventType.MarketStatusChanged);
        Assert.Equal((0, MarketStatus.Halted, Reason.CircuitBreaker), (halted.Asset, halted.Status, halted.Reason));
        var cancelled = Cancelled(events);
        Assert.Equal((id, Reason.MarketHalted, 2L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Equal(MarketStatus.Halted, h.Engine.Status(0));
        Assert.Equal([new BookLevel(Price(10.30m), 1, 1)], h.Depth(Side.Sell));
        Assert.Equal(0, h.Engine.Cash(0).CashReserved);

        Assert.Equal(Reason.MarketHalted, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.30m), 1)));

        var opened = Assert.Single(h.Apply(EngineCommand.SetMarketStatus(0, MarketStatus.Open)));
        Assert.Equal((EventType.MarketStatusChanged, MarketStatus.Open), (opened.Type, opened.Status));
        var resumed = Assert.Single(Trades(h.Place(0, Side.Buy, Price(10.30m), 1).Events));
        Assert.Equal((far, Price(10.30m)), (resumed.CounterOrderId, resumed.Price));
    }

    [Fact]
    public void Halted_AcceptsCancels_ButNotPlaces()
    {
        var h = Standard();
        var bid = h.Buy(0, Price(10.00m), 1);
        h.Ok(EngineCommand.SetMarketStatus(0, MarketStatus.Halted));

        Assert.Equal(Reason.MarketHalted, h.Rejection(EngineCommand.Place(1, 0, Side.Sell, OrderKind.Limit, Price(10.00m), 1)));
        Assert.Equal(Reason.CancelledByUser, Cancelled(h.Ok(EngineCommand.Cancel(0, bid))).Reason);
    }

    [Fact]
    public void MoveWithinTheThreshold_OrAfterTheWindow_Trades()
    {
        var h = Standard(breakerBps: 200, breakerWindowMs: 60_000);
        h.Sell(1, Price(10.00m), 1);
        h.Buy(2, Price(10.00m), 1);
        h.Sell(1, Price(10.20m), 1);
        Assert.Single(Trades(h.Place(0, Side.Buy, Price(10.20m), 1).Events));

        h.Now += 60_001;
        h.Sell(1, Price(10.50m), 1);
        Assert.Single(Trades(h.Place(0, Side.Buy, Price(10.50m), 1).Events));
        Assert.Equal(MarketStatus.Open, h.Engine.Status(0));
    }

    [Fact]
    public void ClosingTheMarket_CancelsEveryRestingOrder()
    {
        var h = Standard();
        h.Buy(0, Price(10.00m), 1);
        h.Sell(1, Price(10.50m), 1);

        var events = h.Ok(EngineCommand.SetMarketStatus(0, MarketStatus.Paused));

        Assert.Equal(2, events.Count(e => e.Type == EventType.Cancelled && e.Reason == Reason.AssetClosed));
        Assert.Equal(0, h.Engine.OpenOrders);
    }
}
