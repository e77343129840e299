using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>KYC expiry, freezes, lock-up and the maximum holding.</summary>
public class EligibilityTests
{
    [Fact]
    public void KycExpired_RestingOrder_IsCancelledWhenMet_AndNeverTraded()
    {
        var h = Standard();
        var (stale, _) = h.Place(1, Side.Sell, Price(10.00m), 2);
        var good = h.Sell(2, Price(10.10m), 2);
        h.Ok(EngineCommand.SetAccount(1, verifiedUntil: Start + 100, frozen: false));
        h.Now = Start + 100;

        var (buy, events) = h.Place(0, Side.Buy, Price(10.10m), 2);

        var cancelled = Cancelled(events);
        Assert.Equal((stale, Reason.CounterpartyIneligible, 2L), (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        var trade = Assert.Single(Trades(events));
        Assert.Equal((buy, good), (trade.OrderId, trade.CounterOrderId));
        Assert.Equal(new PositionBalance(1_000, 0, 0), h.Engine.Fractions(0, 1));
        Assert.Equal(Reason.NotVerified, h.Rejection(EngineCommand.Place(1, 0, Side.Sell, OrderKind.Limit, Price(10.00m), 1)));
    }

    [Fact]
    public void KycExpired_OnlyOrderOnTheOtherSide_IsCancelled_AndTheIncomingRests()
    {
        var h = Standard();
        h.Place(1, Side.Buy, Price(10.00m), 2);
        h.Ok(EngineCommand.SetAccount(1, verifiedUntil: Start + 1, frozen: false));
        h.Now = Start + 1;

        var events = h.Place(0, Side.Sell, Price(10.00m), 2).Events;

        Assert.Equal(Reason.CounterpartyIneligible, Cancelled(events).Reason);
        Assert.Empty(Trades(events));
        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Sell));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(1));
    }

    [Fact]
    public void Freeze_CancelsTheAccountsOrders_AndRefusesNewOnes()
    {
        var h = Standard();
        h.Buy(1, Price(10.00m), 2);
        h.Sell(1, Price(10.50m), 2);
        h.Buy(2, Price(9.90m), 1);

        var events = h.Ok(EngineCommand.SetAccount(1, verifiedUntil: long.MaxValue, frozen: true));

        Assert.Equal(2, events.Count(e => e.Type == EventType.Cancelled && e.Reason == Reason.AccountFrozenCancelled && e.Account == 1));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(1));
        Assert.Equal(new PositionBalance(1_000, 0, 0), h.Engine.Fractions(0, 1));
        Assert.Equal(Reason.AccountFrozen, h.Rejection(EngineCommand.Place(1, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 1)));
        Assert.Equal([new BookLevel(Price(9.90m), 1, 1)], h.Depth(Side.Buy));
    }

    [Fact]
    public void LockUp_RefusesSells_UntilItEnds_ButNotBuys()
    {
        var h = Standard(lockUpUntil: Start + 1_000);

        Assert.Equal(Reason.LockedUp, h.Rejection(EngineCommand.Place(0, 0, Side.Sell, OrderKind.Limit, Price(10.00m), 1)));
        h.Buy(1, Price(10.00m), 1);

        h.Now = Start + 1_000;
        Assert.Single(Trades(h.Place(0, Side.Sell, Price(10.00m), 1).Events));
    }

    [Fact]
    public void MaxHolding_CountsOpenBuys()
    {
        var h = Standard(maxHolding: 1_010);
        h.Buy(0, Price(10.00m), 6);

        Assert.Equal(Reason.MaxHolding, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(9.00m), 5)));
        h.Buy(0, Price(9.00m), 4);
        Assert.Equal(new PositionBalance(1_000, 0, 10), h.Engine.Fractions(0, 0));
    }

    [Fact]
    public void MaxHolding_CountsFractionsHeldBySells()
    {
        var h = Standard(maxHolding: 1_010);
        h.Sell(0, Price(10.50m), 500);

        Assert.Equal(Reason.MaxHolding, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 11)));
    }

    [Fact]
    public void MaxHolding_ACreditOverTheLimit_CancelsTheOpenBuys()
    {
        var h = Standard(maxHolding: 1_010);
        h.Buy(0, Price(10.00m), 5);
        h.Buy(0, Price(9.90m), 4);
        h.Sell(0, Price(10.50m), 5);

        var within = h.Ok(EngineCommand.CreditFractions(0, 0, 1));
        var over = h.Ok(EngineCommand.CreditFractions(0, 0, 1));

        Assert.DoesNotContain(within, e => e.Type == EventType.Cancelled);
        Assert.Equal(2, over.Count(e => e.Type == EventType.Cancelled && e.Reason == Reason.OverMaxHoldingAfterCredit));
        Assert.Empty(h.Depth(Side.Buy));
        Assert.Single(h.Depth(Side.Sell));
        Assert.Equal(new AccountBalance(10_000 * Usd, 0), h.Engine.Cash(0));
    }

    [Fact]
    public void DebitMoreThanAvailable_CancelsTheSellsFirst()
    {
        var h = Standard();
        h.Sell(0, Price(10.50m), 600);

        var events = h.Ok(EngineCommand.DebitFractions(0, 0, 500));

        Assert.Equal(Reason.FractionsLeft, Cancelled(events).Reason);
        Assert.Equal(new PositionBalance(500, 0, 0), h.Engine.Fractions(0, 0));
        Assert.Equal(Reason.InsufficientFractions, h.Rejection(EngineCommand.DebitFractions(0, 0, 501)));
    }
}
