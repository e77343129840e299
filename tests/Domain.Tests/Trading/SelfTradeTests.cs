using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>Self-trade prevention: cancel the incoming order, or cancel the account's resting orders.</summary>
public class SelfTradeTests
{
    [Fact]
    public void CancelIncoming_StopsAtTheOwnOrder_AfterTradingWhatCameBefore()
    {
        var h = Standard();
        var other = h.Sell(1, Price(10.00m), 2);
        var own = h.Sell(0, Price(10.00m), 2);
        h.Sell(2, Price(10.00m), 2);

        var (id, events) = h.Place(0, Side.Buy, Price(10.00m), 5);

        var trade = Assert.Single(Trades(events));
        Assert.Equal(other, trade.CounterOrderId);
        var cancelled = Cancelled(events);
        Assert.Equal((id, Reason.SelfTrade, 3L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Equal([new BookLevel(Price(10.00m), 4, 2)], h.Depth(Side.Sell));
        Assert.Equal(0, h.Engine.Cash(0).CashReserved);
        Assert.Equal(2, h.Engine.Fractions(0, 0).FractionsReserved);
        Assert.NotEqual(0, own);
    }

    [Fact]
    public void CancelResting_CancelsTheOwnOrder_AndTradesOnWithTheNext()
    {
        var h = Standard();
        var own = h.Sell(0, Price(10.00m), 2);
        var other = h.Sell(1, Price(10.00m), 2);

        var (id, events) = h.Place(0, Side.Buy, Price(10.00m), 2, selfTrade: SelfTradePrevention.CancelResting);

        var cancelled = Cancelled(events);
        Assert.Equal((own, Reason.SelfTrade), (cancelled.OrderId, cancelled.Reason));
        var trade = Assert.Single(Trades(events));
        Assert.Equal((id, other, 2L), (trade.OrderId, trade.CounterOrderId, trade.Quantity));
        Assert.Empty(h.Depth(Side.Sell));
        Assert.Equal(new PositionBalance(1_002, 0, 0), h.Engine.Fractions(0, 0));
    }

    [Fact]
    public void CancelIncoming_WhenTheOwnOrderIsBest_TradesNothing_AndDoesNotRest()
    {
        var h = Standard();
        h.Sell(0, Price(10.00m), 2);
        h.Sell(1, Price(10.00m), 2);

        var events = h.Place(0, Side.Buy, Price(10.10m), 2).Events;

        Assert.Empty(Trades(events));
        Assert.Equal(Reason.SelfTrade, Cancelled(events).Reason);
        Assert.Empty(h.Depth(Side.Buy));
    }

    [Fact]
    public void Fok_CountsOnlyWhatSelfTradePreventionLetsItTrade()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 1);
        h.Sell(0, Price(10.00m), 1);
        h.Sell(2, Price(10.00m), 1);

        Assert.Equal(Reason.CannotFillCompletely, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 2, TimeInForce.Fok)));
        var events = h.Place(0, Side.Buy, Price(10.00m), 2, TimeInForce.Fok, selfTrade: SelfTradePrevention.CancelResting).Events;
        Assert.Equal(2, Trades(events).Sum(t => t.Quantity));
    }
}
