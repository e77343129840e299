using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>Price-time priority and partial fills.</summary>
public class MatchingPriorityTests
{
    [Fact]
    public void Limit_BuyCrossingTwoLevels_FillsBestPriceFirst_AndRestsTheRest()
    {
        var h = Standard();
        var far = h.Sell(1, Price(10.10m), 10);
        var first = h.Sell(2, Price(10.00m), 10);
        var second = h.Sell(3, Price(10.00m), 5);

        var (buy, events) = h.Place(0, Side.Buy, Price(10.10m), 30);

        var trades = Trades(events);
        Assert.Equal(3, trades.Length);
        Assert.Equal((first, Price(10.00m), 10L), (trades[0].CounterOrderId, trades[0].Price, trades[0].Quantity));
        Assert.Equal((second, Price(10.00m), 5L), (trades[1].CounterOrderId, trades[1].Price, trades[1].Quantity));
        Assert.Equal((far, Price(10.10m), 10L), (trades[2].CounterOrderId, trades[2].Price, trades[2].Quantity));
        Assert.All(trades, t => Assert.Equal(buy, t.OrderId));
        Assert.Equal([20L, 15L, 5L], trades.Select(t => t.Remaining));
        Assert.Equal([new BookLevel(Price(10.10m), 5, 1)], h.Depth(Side.Buy));
        Assert.Empty(h.Depth(Side.Sell));

        var paid = (15 * Price(10.00m)) + (10 * Price(10.10m));
        Assert.Equal(new AccountBalance(10_000 * Usd - paid - (5 * Price(10.10m)), 5 * Price(10.10m)), h.Engine.Cash(0));
        Assert.Equal(new PositionBalance(1_025, 0, 5), h.Engine.Fractions(0, 0));
        Assert.Equal(new AccountBalance(10_000 * Usd + (10 * Price(10.00m)), 0), h.Engine.Cash(2));
        Assert.Equal(new PositionBalance(990, 0, 0), h.Engine.Fractions(0, 2));
    }

    [Fact]
    public void SamePrice_OldestOrderTradesFirst()
    {
        var h = Standard();
        var older = h.Sell(1, Price(10.00m), 3);
        var newer = h.Sell(2, Price(10.00m), 3);

        var trades = Trades(h.Place(0, Side.Buy, Price(10.00m), 4).Events);

        Assert.Equal([(older, 3L), (newer, 1L)], trades.Select(t => (t.CounterOrderId, t.Quantity)));
        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Sell));
    }

    [Fact]
    public void PartialFill_MakerKeepsItsPlace_WithWhatIsLeft()
    {
        var h = Standard();
        var maker = h.Sell(1, Price(10.00m), 10);
        var taker = Assert.Single(Trades(h.Place(0, Side.Buy, Price(10.00m), 4).Events));
        Assert.Equal((maker, 4L, 0L), (taker.CounterOrderId, taker.Quantity, taker.Remaining));
        Assert.Equal([new BookLevel(Price(10.00m), 6, 1)], h.Depth(Side.Sell));
        var later = h.Sell(2, Price(10.00m), 5);

        var trades = Trades(h.Place(3, Side.Buy, Price(10.00m), 8).Events);

        Assert.Equal([(maker, 6L), (later, 2L)], trades.Select(t => (t.CounterOrderId, t.Quantity)));
        Assert.Equal(new PositionBalance(990, 0, 0), h.Engine.Fractions(0, 1));
        Assert.Equal(new PositionBalance(1_008, 0, 0), h.Engine.Fractions(0, 3));
    }

    [Fact]
    public void Trade_IsAtTheMakersPrice_AndTheSellerIsTheTaker()
    {
        var h = Standard();
        var bid = h.Buy(1, Price(10.50m), 2);

        var trade = Assert.Single(Trades(h.Place(0, Side.Sell, Price(10.00m), 2).Events));

        Assert.Equal((bid, 1, 0, Side.Sell, Price(10.50m)), (trade.CounterOrderId, trade.CounterAccount, trade.Account, trade.Side, trade.Price));
        Assert.Equal(Price(10.50m), h.Engine.LastPrice(0));
        Assert.Equal(new AccountBalance(10_000 * Usd - (2 * Price(10.50m)), 0), h.Engine.Cash(1));
    }

    [Fact]
    public void BuyBelowTheBestAsk_Rests_WithoutTrading()
    {
        var h = Standard();
        h.Sell(1, Price(10.10m), 2);

        var events = h.Place(0, Side.Buy, Price(10.00m), 2).Events;

        Assert.Empty(Trades(events));
        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Buy));
        Assert.Equal(new AccountBalance(10_000 * Usd - (2 * Price(10.00m)), 2 * Price(10.00m)), h.Engine.Cash(0));
    }
}
