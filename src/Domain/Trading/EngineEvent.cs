using System.Runtime.InteropServices;

namespace TokenPlatform.Domain.Trading;

/// <summary>
/// One output of the engine. For a <see cref="EventType.Trade"/>: <see cref="OrderId"/>/<see cref="Account"/> are the
/// incoming (taker) order, <see cref="CounterOrderId"/>/<see cref="CounterAccount"/> the resting (maker) one,
/// <see cref="Side"/> the taker's side, the price the maker's; the buyer pays price x quantity + its fee, the seller
/// receives price x quantity - its fee - the royalty.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct EngineEvent
{
    public long Sequence;
    public long OrderId;
    public long CounterOrderId;
    public long ClientOrderId;
    public long TradeId;
    public long Price;
    public long Quantity;

    /// <summary>What is left of the order after this event (its open quantity).</summary>
    public long Remaining;
    public long BuyerFee;
    public long SellerFee;
    public long Royalty;
    public int Account;
    public int CounterAccount;
    public int Asset;
    public EventType Type;
    public Reason Reason;
    public Side Side;
    public MarketStatus Status;
}
