namespace TokenPlatform.Domain.Trading;

/// <summary>Why an order was refused or cancelled (or nothing: <see cref="None"/>). Each has words a person understands (<see cref="Reasons.Text"/>).</summary>
public enum Reason : byte
{
    None = 0,

    // Refusals at the door.
    UnknownAccount = 1,
    NotVerified = 2,
    AccountFrozen = 3,
    MarketNotOpen = 4,
    MarketHalted = 5,
    CancelOnly = 6,
    InvalidQuantity = 7,
    InvalidPrice = 8,
    OffTick = 9,
    OutsideBand = 10,
    InsufficientCash = 11,
    InsufficientFractions = 12,
    LockedUp = 13,
    MaxHolding = 14,
    InvalidExpiry = 15,
    WouldTakeLiquidity = 16,
    CannotFillCompletely = 17,
    UnknownOrder = 18,
    NotYourOrder = 19,
    TooManyOrders = 20,
    InvalidAmount = 21,
    UnknownAsset = 22,
    InvalidStatus = 23,
    AmountTooLarge = 24,

    // Cancellations.
    CancelledByUser = 40,
    SelfTrade = 41,
    Expired = 42,
    NoMoreLiquidity = 43,
    CrossesOrderItCannotTrade = 44,
    CounterpartyIneligible = 45,
    AccountFrozenCancelled = 46,
    AssetClosed = 47,
    OverMaxHoldingAfterCredit = 48,
    FractionsLeft = 49,

    // Why a market's status changed (beside an admin's order, which has no reason).
    CircuitBreaker = 60,
}

public static class Reasons
{
    public static string Text(Reason reason) => reason switch
    {
        Reason.None => "",
        Reason.UnknownAccount => "This account cannot trade yet: it has no trading account.",
        Reason.NotVerified => "Your identity check (KYC) is missing or has expired: renew it to trade.",
        Reason.AccountFrozen => "Your account is frozen; contact support.",
        Reason.MarketNotOpen => "This asset is not open for trading.",
        Reason.MarketHalted => "Trading in this asset is halted; only cancels are accepted until it resumes.",
        Reason.CancelOnly => "This market accepts cancels only right now.",
        Reason.InvalidQuantity => "The quantity must be a whole number of fractions above zero.",
        Reason.InvalidPrice => "The price must be above zero.",
        Reason.OffTick => "The price must be a multiple of the asset's tick.",
        Reason.OutsideBand => "The price is outside today's price band for this asset.",
        Reason.InsufficientCash => "Not enough available cash for the price, quantity and maximum trading fee.",
        Reason.InsufficientFractions => "You do not have that many fractions available to sell.",
        Reason.LockedUp => "These fractions are still in their lock-up period and cannot be sold yet.",
        Reason.MaxHolding => "This order would take you over the maximum holding for one investor (counting your open buys).",
        Reason.InvalidExpiry => "A good-till-date order needs an expiry in the future.",
        Reason.WouldTakeLiquidity => "A post-only order would have traded at once, so it was not placed.",
        Reason.CannotFillCompletely => "A fill-or-kill order could not be filled completely at once, so nothing was traded.",
        Reason.UnknownOrder => "No such open order.",
        Reason.NotYourOrder => "This order belongs to another account.",
        Reason.TooManyOrders => "The engine holds as many open orders as it can; try again later.",
        Reason.InvalidAmount => "The amount must be above zero.",
        Reason.UnknownAsset => "This asset is not listed on the market.",
        Reason.InvalidStatus => "No such market status.",
        Reason.AmountTooLarge => "The amount would take the balance beyond what the market can hold.",
        Reason.CircuitBreaker => "Trading halted by the circuit breaker: the price moved too far too fast. It resumes when an administrator reopens the market.",
        Reason.CancelledByUser => "Cancelled at your request.",
        Reason.SelfTrade => "Cancelled to prevent a trade with your own order.",
        Reason.Expired => "The order's time in force ended.",
        Reason.NoMoreLiquidity => "The rest of an immediate order found nothing more to trade with.",
        Reason.CrossesOrderItCannotTrade => "The rest was cancelled: it would face orders it may not trade with (outside the band, or ineligible).",
        Reason.CounterpartyIneligible => "Cancelled: the account's identity check expired while the order rested.",
        Reason.AccountFrozenCancelled => "Cancelled because the account was frozen.",
        Reason.AssetClosed => "Cancelled because the asset's market closed.",
        Reason.OverMaxHoldingAfterCredit => "Cancelled: fractions received outside the market leave no room for this buy under the maximum holding.",
        Reason.FractionsLeft => "Cancelled: the fractions this sell was backed by left the account.",
        _ => reason.ToString(),
    };
}
