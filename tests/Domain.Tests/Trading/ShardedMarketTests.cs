using CsCheck;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>
/// The account stage and its shards, run in order, behave exactly as one engine: the same answers, trades, cancels and
/// reasons for every command of random streams, and after every command the same cash (available and held) and fractions
/// for every account. So every property proven of the engine holds for the sharded market too, and no account can
/// spend its cash twice across shards (one engine cannot).
/// </summary>
public class ShardedMarketTests
{
    [Fact]
    public void ShardedMarket_GivesTheEventsAndBalancesOfOneEngine() =>
        EnginePropertyTests.GenStream.Sample(stream =>
        {
            var single = new EngineModel(capRaises: false);
            single.Run(stream);
            Compare(single, shards: 2);
            Compare(single, shards: 3);
        }, iter: EnginePropertyTests.Iterations * 2 / 3);

    [Fact]
    public void CashSpentOnOneShard_CannotBeSpentOnAnother()
    {
        var market = new ShardedMarket(2);
        Apply(market, EngineCommand.SetTradingFee(0, 0));
        Apply(market, EngineCommand.ListAsset(0, 1, 100, 0, 0, 1_000, 0));
        Apply(market, EngineCommand.ListAsset(1, 1, 100, 0, 0, 1_000, 0));
        Apply(market, EngineCommand.SetAccount(7, long.MaxValue, frozen: false));
        Apply(market, EngineCommand.DepositCash(7, 1_000));

        var first = Apply(market, EngineCommand.Place(7, 0, Side.Buy, OrderKind.Limit, 100, 8));
        var second = Apply(market, EngineCommand.Place(7, 1, Side.Buy, OrderKind.Limit, 100, 3));

        Assert.Equal(EventType.Accepted, Assert.Single(first).Type);
        Assert.Equal(Reason.InsufficientCash, Assert.Single(second).Reason);
        Assert.Equal(new AccountBalance(200, 800), market.Cash(7));
        Assert.Equal(0, market.Shard(0).Cash(7).CashAvailable);
        Assert.Equal(0, market.Shard(1).Cash(7).CashAvailable);

        // Cancelled, the hold returns to the stage and buys on the other shard.
        Apply(market, EngineCommand.Cancel(7, first[0].OrderId));
        Assert.Equal(EventType.Accepted, Apply(market, EngineCommand.Place(7, 1, Side.Buy, OrderKind.Limit, 100, 10))[0].Type);
        Assert.Equal(new AccountBalance(0, 1_000), market.Cash(7));
    }

    [Fact]
    public void Deposits_AreBoundedMarketWide_SoCashHeldOnShardsCanNeverOverflowABalance()
    {
        var market = new ShardedMarket(2);
        Apply(market, EngineCommand.SetTradingFee(0, 0));
        Apply(market, EngineCommand.ListAsset(0, 1, 1, 0, 0, 1_000, 0));
        Apply(market, EngineCommand.SetAccount(1, long.MaxValue, frozen: false));
        Apply(market, EngineCommand.SetAccount(2, long.MaxValue, frozen: false));
        Assert.Equal(EventType.Applied, Apply(market, EngineCommand.DepositCash(1, long.MaxValue / 2))[0].Type);
        Assert.Equal(EventType.Accepted, Apply(market, EngineCommand.Place(1, 0, Side.Buy, OrderKind.Limit, 1, long.MaxValue / 4))[0].Type);

        // Held on a shard, the cash still counts: neither this account nor another may deposit past the bound.
        Assert.Equal(Reason.AmountTooLarge, Apply(market, EngineCommand.DepositCash(1, 1))[0].Reason);
        Assert.Equal(Reason.AmountTooLarge, Apply(market, EngineCommand.DepositCash(2, 1))[0].Reason);
        Assert.Equal(EventType.Applied, Apply(market, EngineCommand.WithdrawCash(1, 10))[0].Type);
        Assert.Equal(EventType.Applied, Apply(market, EngineCommand.DepositCash(2, 10))[0].Type);
    }

    [Fact]
    public void A_Release_NoShardCouldGive_IsRefused_NotThrown()
    {
        var stage = new AccountStage(2);
        var release = EngineCommand.ReleaseCash(1, 5, shard: 7, shardSequence: 1, index: 0);
        release.Sequence = 1;
        stage.Apply(release);
        Assert.Equal(EventType.Rejected, Assert.Single(stage.Events.Events.ToArray()).Type);
        Assert.Equal(0, stage.Available(1));
    }

    [Fact]
    public void OrderIds_NameTheirShard_AndTradeIdsNeverCollide()
    {
        var market = new ShardedMarket(3);
        Apply(market, EngineCommand.SetTradingFee(0, 0));
        for (var asset = 0; asset < 3; asset++)
        {
            Apply(market, EngineCommand.ListAsset(asset, 1, 100, 0, 0, 1_000, 0));
            Apply(market, EngineCommand.SetAccount(asset, long.MaxValue, frozen: false));
            Apply(market, EngineCommand.DepositCash(asset, 10_000));
            Apply(market, EngineCommand.CreditFractions(asset, asset, 10));
        }

        var trades = new HashSet<long>();
        for (var asset = 0; asset < 3; asset++)
        {
            var sell = Apply(market, EngineCommand.Place(asset, asset, Side.Sell, OrderKind.Limit, 100, 1))[0];
            Assert.Equal(asset, ShardRouting.ShardOfOrder(sell.OrderId, 3));
            var buyer = (asset + 1) % 3;
            var trade = Apply(market, EngineCommand.Place(buyer, asset, Side.Buy, OrderKind.Limit, 100, 1)).Single(e => e.Type == EventType.Trade);
            Assert.Equal(sell.OrderId, trade.CounterOrderId);
            Assert.True(trades.Add(trade.TradeId));
        }
    }

    private static EngineEvent[] Apply(ShardedMarket market, EngineCommand command)
    {
        market.Apply(command);
        var events = market.Events.Events.ToArray();
        market.Events.Clear();
        return events;
    }

    private static void Compare(EngineModel single, int shards)
    {
        var market = new ShardedMarket(shards, () => new MatchingEngine(orderCapacity: 4096, clientOrderIdMemory: 4096, releasesCash: true));
        var reference = new MatchingEngine(orderCapacity: 4096, clientOrderIdMemory: 4096);
        var ids = new Dictionary<long, long> { [0] = 0 };
        var expectedByCommand = single.Events.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(single.Engine.StateHash(), single.Hashes[^1]);
        foreach (var original in single.Commands)
        {
            var command = original;
            if (command.Type is CommandType.Cancel or CommandType.Amend)
            {
                command.OrderId = ids.GetValueOrDefault(command.OrderId, command.OrderId * 1_000);
            }

            var actual = Apply(market, command);
            reference.Apply(original);
            reference.Events.Clear();
            var expected = expectedByCommand.GetValueOrDefault(original.Sequence, []);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                if (expected[i].Type == EventType.Accepted && actual[i].Type == EventType.Accepted)
                {
                    ids[expected[i].OrderId] = actual[i].OrderId;
                }
            }

            var broadcast = command.Type is CommandType.SetAccount or CommandType.Tick or CommandType.SetTradingFee || (command.Type == CommandType.CancelAll && command.Asset < 0);
            var want = expected.Select(e => Normalize(e, ids)).ToList();
            var got = actual.Select(e => Normalize(e, null)).ToList();
            if (broadcast)
            {
                want.Sort(Order);
                got.Sort(Order);
            }

            Assert.True(want.SequenceEqual(got), $"command {original.Sequence} ({original.Type}) on {shards} shards:\n  one engine: {string.Join("\n    ", want)}\n  sharded:    {string.Join("\n    ", got)}");
            for (var account = 0; account < EngineModel.Accounts; account++)
            {
                Assert.Equal(reference.Cash(account), market.Cash(account));
                for (var asset = 0; asset < EngineModel.Assets; asset++)
                {
                    Assert.Equal(reference.Fractions(asset, account), market.Fractions(asset, account));
                }
            }
        }
    }

    private static int Order(EngineEvent a, EngineEvent b) =>
        (a.Type, a.Asset, a.Account, a.OrderId, a.Remaining, a.Reason).CompareTo((b.Type, b.Asset, b.Account, b.OrderId, b.Remaining, b.Reason));

    private static EngineEvent Normalize(EngineEvent e, Dictionary<long, long>? ids)
    {
        if (ids is not null)
        {
            e.OrderId = ids.GetValueOrDefault(e.OrderId, e.OrderId * 1_000);
            e.CounterOrderId = ids.GetValueOrDefault(e.CounterOrderId, e.CounterOrderId * 1_000);
        }

        (e.Sequence, e.TradeId) = (0, 0);
        return e;
    }
}
