using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>The engine's steady state allocates nothing: orders, levels and events live in reused arrays.</summary>
public class AllocationTests
{
    private const long Usd = 1_000_000;
    private const long Tick = 10_000;
    private const long Reference = 10 * Usd;

    [Fact]
    public void TenThousandMixedCommands_OnABuiltBook_AllocateNothing()
    {
        var engine = new MatchingEngine();
        long sequence = 0;
        var setup = new List<EngineCommand>
        {
            EngineCommand.ListAsset(0, Tick, Reference, maxHolding: 0, lockUpUntil: 0, bandBps: 1_000, royaltyBps: 100),
            EngineCommand.SetTradingFee(20, 100),
        };
        for (var account = 0; account < 8; account++)
        {
            setup.Add(EngineCommand.SetAccount(account, long.MaxValue, frozen: false));
            setup.Add(EngineCommand.DepositCash(account, 1_000_000_000 * Usd));
            setup.Add(EngineCommand.CreditFractions(account, 0, 1_000_000_000));
        }

        // A book: bids from 9.50 to 9.99, asks from 10.01 to 10.50, several orders a level.
        for (var level = 0; level < 50; level++)
        {
            for (var account = 0; account < 4; account++)
            {
                setup.Add(EngineCommand.Place(account, 0, Side.Buy, OrderKind.Limit, Reference - ((level + 1) * Tick), 1_000));
                setup.Add(EngineCommand.Place(account + 4, 0, Side.Sell, OrderKind.Limit, Reference + ((level + 1) * Tick), 1_000));
            }
        }

        foreach (var command in setup)
        {
            var c = command;
            c.Sequence = ++sequence;
            c.Timestamp = 1_000;
            engine.Apply(c);
            engine.Events.Clear();
        }

        var warmUp = Mixed(2_000, clientOrderIdFrom: 1);
        Run(engine, warmUp, ref sequence);
        var tradesBefore = engine.TradeCount;

        // Three rounds of 10,000: a per-command allocation shows in every round (>= 24 bytes x 10,000); the runtime now and
        // then allocates a few bytes on the thread on its own (tiering a method up mid-run), so one clean round is the proof.
        var allocated = new long[3];
        for (var round = 0; round < allocated.Length; round++)
        {
            var measured = Mixed(10_000, clientOrderIdFrom: 1_000_000 + (round * 100_000));
            var before = GC.GetAllocatedBytesForCurrentThread();
            Run(engine, measured, ref sequence);
            allocated[round] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.True(allocated.Min() == 0 && allocated.Max() < 10_000, $"allocated per round: {string.Join(", ", allocated)} bytes");
        Assert.True(engine.TradeCount - tradesBefore >= 9_000, $"only {engine.TradeCount - tradesBefore} trades");
    }

    /// <summary>In turn: rests an ask, takes asks with an IOC buy, rests a bid, amends it (smaller, or to a new price), cancels it, hits the bids with a market sell.</summary>
    private static EngineCommand[] Mixed(int count, long clientOrderIdFrom)
    {
        var commands = new EngineCommand[count];
        for (var i = 0; i < count; i++)
        {
            var account = i / 6 % 8;
            var k = 1 + (i / 6 % 5);
            commands[i] = (i % 6) switch
            {
                0 => EngineCommand.Place((account + 4) % 8, 0, Side.Sell, OrderKind.Limit, Reference + (k * Tick), 3, clientOrderId: clientOrderIdFrom + i),
                1 => EngineCommand.Place(account, 0, Side.Buy, OrderKind.Limit, Reference + (5 * Tick), 3, TimeInForce.Ioc, selfTrade: SelfTradePrevention.CancelResting),
                2 => EngineCommand.Place(account, 0, Side.Buy, OrderKind.Limit, Reference - (k * Tick), 2, clientOrderId: clientOrderIdFrom + i),
                3 => i / 6 % 2 == 0 ? EngineCommand.Amend(account, 0, 1) : EngineCommand.Amend(account, 0, 2, Reference - ((k + 1) * Tick)),
                4 => EngineCommand.Cancel(account, 0),
                _ => EngineCommand.Place((account + 4) % 8, 0, Side.Sell, OrderKind.Market, 0, 1, TimeInForce.Ioc),
            };
        }

        return commands;
    }

    private static void Run(MatchingEngine engine, EngineCommand[] commands, ref long sequence)
    {
        long lastAccepted = 0;
        for (var i = 0; i < commands.Length; i++)
        {
            ref var c = ref commands[i];
            if (c.Type is CommandType.Cancel or CommandType.Amend)
            {
                c.OrderId = lastAccepted;
            }

            c.Sequence = ++sequence;
            c.Timestamp = 1_000 + i;
            engine.Apply(c);
            foreach (var e in engine.Events.Events)
            {
                if (e.Type == EventType.Accepted)
                {
                    lastAccepted = e.OrderId;
                }
                else if (e.Type == EventType.Rejected)
                {
                    throw new InvalidOperationException($"command {i} refused: {e.Reason}");
                }
            }

            engine.Events.Clear();
        }
    }
}
