using CsCheck;
using TokenPlatform.Domain.Trading;
using static TokenPlatform.Domain.Tests.Trading.EngineHarness;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>A client order id is answered once: a repeat gets the first answer back.</summary>
public class ClientOrderIdTests
{
    [Fact]
    public void Repeat_ReturnsDuplicate_WithTheFirstOrderId_AndPlacesNothing()
    {
        var h = Standard();
        var (first, _) = h.Place(0, Side.Buy, Price(10.00m), 2, clientOrderId: 77);

        var events = h.Apply(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.10m), 5, clientOrderId: 77));

        var duplicate = Assert.Single(events);
        Assert.Equal((EventType.Duplicate, first, 77L, Reason.None), (duplicate.Type, duplicate.OrderId, duplicate.ClientOrderId, duplicate.Reason));
        Assert.Equal([new BookLevel(Price(10.00m), 2, 1)], h.Depth(Side.Buy));
        Assert.Equal(1, h.Engine.OpenOrders);
    }

    [Fact]
    public void Repeat_AfterTheFirstWasFilled_StillReturnsTheFirstOrderId()
    {
        var h = Standard();
        h.Sell(1, Price(10.00m), 2);
        var (first, _) = h.Place(0, Side.Buy, Price(10.00m), 2, clientOrderId: 5);

        var duplicate = Assert.Single(h.Apply(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 2, clientOrderId: 5)));

        Assert.Equal((EventType.Duplicate, first), (duplicate.Type, duplicate.OrderId));
        Assert.Equal(1_002, h.Engine.Fractions(0, 0).FractionsAvailable);
        Assert.Equal(1, h.Engine.TradeCount);
    }

    [Fact]
    public void Repeat_OfARefusal_RepeatsItsReason_EvenWhenItWouldNowBeAccepted()
    {
        var h = Standard();
        Assert.Equal(Reason.OutsideBand, h.Rejection(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(12.00m), 1, clientOrderId: 9)));

        var duplicate = Assert.Single(h.Apply(EngineCommand.Place(0, 0, Side.Buy, OrderKind.Limit, Price(10.00m), 1, clientOrderId: 9)));

        Assert.Equal((EventType.Duplicate, 0L, Reason.OutsideBand), (duplicate.Type, duplicate.OrderId, duplicate.Reason));
        Assert.Equal(0, h.Engine.OpenOrders);
    }

    [Fact]
    public void SameClientOrderId_OnAnotherAccount_IsANewOrder()
    {
        var h = Standard();
        var (first, _) = h.Place(0, Side.Buy, Price(10.00m), 1, clientOrderId: 3);

        var (second, _) = h.Place(1, Side.Buy, Price(10.00m), 1, clientOrderId: 3);

        Assert.NotEqual(first, second);
        Assert.Equal([new BookLevel(Price(10.00m), 2, 2)], h.Depth(Side.Buy));
    }

    [Fact]
    public void Memory_AnswersTheMostRecentIdsAgain_AndForgetsTheOldestFirst() =>
        Gen.Select(Gen.Int[1, 12], Gen.Select(Gen.Int[0, 2], Gen.Int[1, 24], Gen.Bool).Array[1, 300]).Sample((memory, submissions) =>
        {
            var engine = new MatchingEngine(orderCapacity: 64, clientOrderIdMemory: memory);
            var sequence = 0L;
            void Apply(EngineCommand c)
            {
                c.Sequence = ++sequence;
                c.Timestamp = Start;
                engine.Apply(c);
            }

            Apply(EngineCommand.ListAsset(0, Tick, Reference, 0, 0, bandBps: 1_000, royaltyBps: 0));
            for (var account = 0; account < 3; account++)
            {
                Apply(EngineCommand.SetAccount(account, long.MaxValue, frozen: false));
                Apply(EngineCommand.DepositCash(account, 1_000 * Usd));
            }

            engine.Events.Clear();
            var remembered = new List<(int Account, long ClientOrderId, long OrderId, Reason Reason)>();
            foreach (var (account, clientOrderId, valid) in submissions)
            {
                // An IOC buy on an empty book is accepted and cancelled at once; a price off the band is refused.
                Apply(EngineCommand.Place(account, 0, Side.Buy, OrderKind.Limit, valid ? Reference : 2 * Reference, 1, TimeInForce.Ioc, clientOrderId));
                var first = engine.Events.Events[0];
                engine.Events.Clear();
                var known = remembered.FindIndex(r => r.Account == account && r.ClientOrderId == clientOrderId);
                if (known >= 0)
                {
                    Assert.Equal((EventType.Duplicate, remembered[known].OrderId, remembered[known].Reason), (first.Type, first.OrderId, first.Reason));
                    continue;
                }

                Assert.Equal(valid ? EventType.Accepted : EventType.Rejected, first.Type);
                remembered.Add((account, clientOrderId, first.OrderId, first.Reason));
                if (remembered.Count > memory)
                {
                    remembered.RemoveAt(0);
                }
            }
        }, iter: 300);
}
