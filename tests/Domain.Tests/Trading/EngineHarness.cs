using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>An engine with a sequencer's stamping and a small market: helpers that return each command's events.</summary>
internal sealed class EngineHarness
{
    public const long Usd = 1_000_000;
    public const long Tick = 10_000;
    public const long Reference = 10 * Usd;
    public const long Start = 1_000;

    private long _sequence;

    public MatchingEngine Engine { get; } = new(orderCapacity: 1024, clientOrderIdMemory: 1024);

    public long Now { get; set; } = Start;

    /// <summary>One asset (0) at 10 USD, tick 0.01, band 10 % ([9, 11] USD); accounts 0..5 verified with 10,000 USD and 1,000 fractions.</summary>
    public static EngineHarness Standard(int royaltyBps = 0, long maxHolding = 0, long lockUpUntil = 0, int breakerBps = 0, long breakerWindowMs = 0,
        int feeBps = 0, int capBps = 0)
    {
        var h = new EngineHarness();
        h.Ok(EngineCommand.ListAsset(0, Tick, Reference, maxHolding, lockUpUntil, bandBps: 1_000, royaltyBps, breakerBps, breakerWindowMs));
        h.Ok(EngineCommand.SetTradingFee(feeBps, capBps));
        for (var account = 0; account < 6; account++)
        {
            h.Ok(EngineCommand.SetAccount(account, verifiedUntil: long.MaxValue, frozen: false));
            h.Ok(EngineCommand.DepositCash(account, 10_000 * Usd));
            h.Ok(EngineCommand.CreditFractions(account, 0, 1_000));
        }

        return h;
    }

    public EngineEvent[] Apply(EngineCommand command)
    {
        command.Sequence = ++_sequence;
        command.Timestamp = Now;
        Engine.Apply(command);
        var events = Engine.Events.Events.ToArray();
        Engine.Events.Clear();
        return events;
    }

    public EngineEvent[] Ok(EngineCommand command)
    {
        var events = Apply(command);
        Assert.DoesNotContain(events, e => e.Type == EventType.Rejected);
        return events;
    }

    /// <summary>Places an order that must be accepted; returns its id and the events.</summary>
    public (long Id, EngineEvent[] Events) Place(int account, Side side, long price, long quantity, TimeInForce tif = TimeInForce.Gtc, long expiresAt = 0,
        bool postOnly = false, SelfTradePrevention selfTrade = SelfTradePrevention.CancelIncoming, OrderKind kind = OrderKind.Limit, long clientOrderId = 0, int asset = 0)
    {
        var events = Apply(EngineCommand.Place(account, asset, side, kind, price, quantity, tif, clientOrderId, expiresAt, postOnly, selfTrade));
        var accepted = Assert.Single(events, e => e.Type == EventType.Accepted);
        return (accepted.OrderId, events);
    }

    public long Buy(int account, long price, long quantity, TimeInForce tif = TimeInForce.Gtc) => Place(account, Side.Buy, price, quantity, tif).Id;

    public long Sell(int account, long price, long quantity, TimeInForce tif = TimeInForce.Gtc) => Place(account, Side.Sell, price, quantity, tif).Id;

    public Reason Rejection(EngineCommand command)
    {
        var events = Apply(command);
        return Assert.Single(events, e => e.Type == EventType.Rejected).Reason;
    }

    public BookLevel[] Depth(Side side, int asset = 0)
    {
        var levels = new BookLevel[64];
        var n = Engine.Depth(asset, side, levels);
        return levels[..n];
    }

    public static EngineEvent[] Trades(EngineEvent[] events) => [.. events.Where(e => e.Type == EventType.Trade)];

    public static EngineEvent Cancelled(EngineEvent[] events) => Assert.Single(events, e => e.Type == EventType.Cancelled);

    public static long Price(decimal usd) => (long)(usd * Usd);
}
