namespace TokenPlatform.Domain.Trading;

public enum Side : byte
{
    Buy = 1,
    Sell = 2,
}

/// <summary>A market order is always protected: it executes as a limit at the price band's edge.</summary>
public enum OrderKind : byte
{
    Limit = 1,
    Market = 2,
}

/// <summary>How long an order may rest: until cancelled, until a time, until the end of the UTC day, or not at all (IOC, FOK).</summary>
public enum TimeInForce : byte
{
    Gtc = 1,
    Gtd = 2,
    Day = 3,
    Ioc = 4,
    Fok = 5,
}

/// <summary>What happens when an order would trade with a resting order of the same account.</summary>
public enum SelfTradePrevention : byte
{
    CancelIncoming = 0,
    CancelResting = 1,
}

/// <summary>An asset's market: trading, halted (by an admin or the circuit breaker: nothing but cancels), cancel-only, or closed (not listed, or paused on chain).</summary>
public enum MarketStatus : byte
{
    Closed = 0,
    Open = 1,
    Halted = 2,
    CancelOnly = 3,
    Paused = 4,
}

public enum CommandType : byte
{
    None = 0,
    Place = 1,
    Cancel = 2,
    CancelAll = 3,
    Amend = 4,

    /// <summary>Lists (or re-lists) an asset: tick, band, reference price, lock-up end, maximum holding, royalty, breaker.</summary>
    ListAsset = 10,
    SetMarketStatus = 11,

    /// <summary>An account's eligibility: verified until (KYC expiry; 0 = not verified) and frozen.</summary>
    SetAccount = 12,
    DepositCash = 13,
    WithdrawCash = 14,

    /// <summary>Fractions arriving outside the book (a primary purchase, a forced transfer in, a deposit of fractions).</summary>
    CreditFractions = 15,

    /// <summary>Fractions leaving outside the book (a forced transfer out, a withdrawal to the wallet).</summary>
    DebitFractions = 16,

    /// <summary>The trading fee in force and the on-chain cap a buy reserves for.</summary>
    SetTradingFee = 17,

    /// <summary>Time passes: resting orders whose expiry is reached are cancelled.</summary>
    Tick = 18,

    /// <summary>Account stage only: cash a shard handed back (see <see cref="AccountStage"/>).</summary>
    ReleaseCash = 19,
}

public enum EventType : byte
{
    None = 0,
    Accepted = 1,
    Rejected = 2,
    Trade = 3,
    Cancelled = 4,
    Amended = 5,

    /// <summary>A command that changed state without an order (listing, status, account, cash, fractions, fee) was applied.</summary>
    Applied = 6,

    /// <summary>A repeated client order id: the event carries the first answer's order id and reason.</summary>
    Duplicate = 7,
    MarketStatusChanged = 8,

    /// <summary>
    /// Account stage: the command goes to shard <see cref="EngineEvent.Remaining"/> carrying
    /// <see cref="EngineEvent.Price"/> of the account's cash (what a buy may hold there).
    /// </summary>
    Routed = 9,

    /// <summary>A shard: cash it no longer holds for <see cref="EngineEvent.Account"/> (<see cref="EngineEvent.Price"/>) goes back to the account stage.</summary>
    CashReleased = 10,
}
