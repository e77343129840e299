using System.Runtime.InteropServices;

namespace TokenPlatform.Domain.Trading;

/// <summary>
/// One sequenced input of the engine: a plain struct (journaled as bytes, replayed as is). The sequencer
/// stamps <see cref="Sequence"/> and <see cref="Timestamp"/> (UTC milliseconds); the engine never reads a clock.
/// Fields mean what the factory methods below say for each <see cref="Type"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct EngineCommand
{
    public long Sequence;
    public long Timestamp;
    public long OrderId;
    public long ClientOrderId;
    public long Price;
    public long Quantity;
    public long ExpiresAt;
    public long Value;
    public long Value2;

    /// <summary>
    /// On a shard's stream: the account stage's sequence of the command this one was routed from (for a
    /// <see cref="CommandType.ReleaseCash"/>, the shard's sequence that released it), so recovery knows what
    /// crossed between streams. 0 on a single engine.
    /// </summary>
    public long Source;
    public int Account;
    public int Asset;
    public int Bps;
    public int Bps2;
    public CommandType Type;
    public Side Side;
    public OrderKind Kind;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTrade;
    public bool PostOnly;

    public static EngineCommand Place(int account, int asset, Side side, OrderKind kind, long price, long quantity, TimeInForce tif = TimeInForce.Gtc,
        long clientOrderId = 0, long expiresAt = 0, bool postOnly = false, SelfTradePrevention selfTrade = SelfTradePrevention.CancelIncoming) =>
        new()
        {
            Type = CommandType.Place, Account = account, Asset = asset, Side = side, Kind = kind, Price = price, Quantity = quantity,
            TimeInForce = tif, ClientOrderId = clientOrderId, ExpiresAt = expiresAt, PostOnly = postOnly, SelfTrade = selfTrade,
        };

    public static EngineCommand Cancel(int account, long orderId) => new() { Type = CommandType.Cancel, Account = account, OrderId = orderId };

    /// <summary>Cancels the account's open orders, on one asset or (asset -1) on all.</summary>
    public static EngineCommand CancelAll(int account, int asset = -1) => new() { Type = CommandType.CancelAll, Account = account, Asset = asset };

    /// <summary>A new remaining quantity and/or price (0 keeps the price): a smaller quantity at the same price keeps priority, anything else loses it.</summary>
    public static EngineCommand Amend(int account, long orderId, long quantity, long price = 0) =>
        new() { Type = CommandType.Amend, Account = account, OrderId = orderId, Quantity = quantity, Price = price };

    /// <param name="referencePrice">The band's centre until a first trade (the offering price).</param>
    /// <param name="maxHolding">The most fractions one account may hold (0: no limit).</param>
    /// <param name="lockUpUntil">No sale before this time (UTC milliseconds; 0: none).</param>
    /// <param name="breakerBps">A move beyond this from the window's first price halts the market (0: no breaker).</param>
    public static EngineCommand ListAsset(int asset, long tick, long referencePrice, long maxHolding, long lockUpUntil, int bandBps, int royaltyBps,
        int breakerBps = 0, long breakerWindowMs = 0) =>
        new()
        {
            Type = CommandType.ListAsset, Asset = asset, Value = tick, Price = referencePrice, Quantity = maxHolding, ExpiresAt = lockUpUntil,
            Bps = bandBps, Bps2 = royaltyBps, Value2 = ((long)breakerBps << 40) | (breakerWindowMs & 0xFF_FFFF_FFFF),
        };

    public static EngineCommand SetMarketStatus(int asset, MarketStatus status) => new() { Type = CommandType.SetMarketStatus, Asset = asset, Value = (long)status };

    /// <param name="verifiedUntil">KYC expiry (UTC milliseconds); 0: not verified.</param>
    public static EngineCommand SetAccount(int account, long verifiedUntil, bool frozen) =>
        new() { Type = CommandType.SetAccount, Account = account, ExpiresAt = verifiedUntil, Value = frozen ? 1 : 0 };

    public static EngineCommand DepositCash(int account, long amount) => new() { Type = CommandType.DepositCash, Account = account, Value = amount };

    public static EngineCommand WithdrawCash(int account, long amount) => new() { Type = CommandType.WithdrawCash, Account = account, Value = amount };

    public static EngineCommand CreditFractions(int account, int asset, long quantity) =>
        new() { Type = CommandType.CreditFractions, Account = account, Asset = asset, Quantity = quantity };

    public static EngineCommand DebitFractions(int account, int asset, long quantity) =>
        new() { Type = CommandType.DebitFractions, Account = account, Asset = asset, Quantity = quantity };

    /// <param name="feeBps">The trading fee in force, charged to each side of a trade.</param>
    /// <param name="capBps">The on-chain cap: what a buy reserves for, so a raise of the fee up to it never finds a buy short.</param>
    public static EngineCommand SetTradingFee(int feeBps, int capBps) => new() { Type = CommandType.SetTradingFee, Bps = feeBps, Bps2 = capBps };

    public static EngineCommand Tick() => new() { Type = CommandType.Tick };

    /// <summary>Cash a shard no longer holds for the account (a buy's unused hold, a sale's proceeds) returns to the account stage.</summary>
    /// <param name="index">Which of the shard command's releases this is (0 first): with the sequence, recovery knows exactly which ones the stage already has.</param>
    public static EngineCommand ReleaseCash(int account, long amount, int shard, long shardSequence, int index) =>
        new() { Type = CommandType.ReleaseCash, Account = account, Value = amount, Bps = shard, Source = shardSequence, Quantity = index };
}
