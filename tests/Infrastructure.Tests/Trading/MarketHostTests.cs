using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>The market on two shards with real journals: answers once durable on every stream touched, cash held across shards, restart by replay.</summary>
public sealed class MarketHostTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_account_trading_on_two_shards_never_spends_its_cash_twice_and_a_restart_keeps_everything(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        const int Buyer = 1, Seller = 2;
        await using (var market = await MarketHost.StartAsync(database.Store, 2, TimeProvider.System))
        {
            foreach (var setup in new[]
            {
                EngineCommand.SetTradingFee(0, 0),
                EngineCommand.ListAsset(0, 1, 100, 0, 0, 1_000, 0),
                EngineCommand.ListAsset(1, 1, 100, 0, 0, 1_000, 0),
                EngineCommand.SetAccount(Buyer, long.MaxValue, frozen: false),
                EngineCommand.SetAccount(Seller, long.MaxValue, frozen: false),
                EngineCommand.DepositCash(Buyer, 1_000),
                EngineCommand.CreditFractions(Seller, 1, 5),
            })
            {
                var answer = await market.SubmitAsync(setup);
                Assert.DoesNotContain(answer, e => e.Type == EventType.Rejected);
                // A command sent to every shard is answered once.
                Assert.Single(answer, e => e.Type == EventType.Applied);
            }

            var resting = Assert.Single(await market.SubmitAsync(EngineCommand.Place(Buyer, 0, Side.Buy, OrderKind.Limit, 100, 8)));
            Assert.Equal(EventType.Accepted, resting.Type);
            Assert.Equal(0, ShardRouting.ShardOfOrder(resting.OrderId, 2));
            var refused = Assert.Single(await market.SubmitAsync(EngineCommand.Place(Buyer, 1, Side.Buy, OrderKind.Limit, 100, 3)));
            Assert.Equal(Reason.InsufficientCash, refused.Reason);

            // Two fractions bought on shard 1 with what is left; the seller's proceeds are on the stage by the time the trade is answered.
            await market.SubmitAsync(EngineCommand.Place(Seller, 1, Side.Sell, OrderKind.Limit, 100, 2));
            var bought = await market.SubmitAsync(EngineCommand.Place(Buyer, 1, Side.Buy, OrderKind.Limit, 100, 2));
            var trade = Assert.Single(bought, e => e.Type == EventType.Trade);
            Assert.Equal(1, ShardRouting.ShardOfOrder(trade.OrderId, 2));
            Assert.Equal(EventType.Applied, Assert.Single(await market.SubmitAsync(EngineCommand.WithdrawCash(Seller, 200))).Type);
            Assert.Equal(Reason.InsufficientCash, Assert.Single(await market.SubmitAsync(EngineCommand.WithdrawCash(Buyer, 1))).Reason);

            // Cancelled on shard 0, the hold comes back and can be withdrawn.
            var cancelled = await market.SubmitAsync(EngineCommand.Cancel(Buyer, resting.OrderId));
            Assert.Equal(resting.OrderId, Assert.Single(cancelled).OrderId);
            Assert.Equal(EventType.Applied, Assert.Single(await market.SubmitAsync(EngineCommand.WithdrawCash(Buyer, 700))).Type);
        }

        await using (var restarted = await MarketHost.StartAsync(database.Store, 2, TimeProvider.System))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => restarted.SubmitAsync(EngineCommand.ReleaseCash(Buyer, 1_000_000, 0, long.MaxValue, 0)));
            Assert.Equal(Reason.InsufficientCash, Assert.Single(await restarted.SubmitAsync(EngineCommand.WithdrawCash(Buyer, 101))).Reason);
            Assert.Equal(EventType.Applied, Assert.Single(await restarted.SubmitAsync(EngineCommand.WithdrawCash(Buyer, 100))).Type);
        }

        var replay = await MarketReplay.ReadAsync(database.Store, 2, 1000);
        replay.AssertConsistent(accounts: 3, allForwarded: true);
        Assert.Equal(0, replay.Stage.Available(Buyer));
        Assert.Equal(3, replay.Shards[1].Fractions(1, Seller).FractionsAvailable);
        Assert.Equal(2, replay.Shards[1].Fractions(1, Buyer).FractionsAvailable);
    }
}
