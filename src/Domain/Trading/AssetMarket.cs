namespace TokenPlatform.Domain.Trading;

/// <summary>One asset's market: its terms on the market, its protection state and its two book sides.</summary>
internal struct AssetMarket
{
    public bool Listed;
    public MarketStatus Status;
    public long Tick;

    /// <summary>The band's centre: the last trade, else the offering price.</summary>
    public long Reference;
    public long LastPrice;
    public long MaxHolding;
    public long LockUpUntil;
    public int BandBps;
    public int RoyaltyBps;
    public int BreakerBps;
    public long BreakerWindowMs;

    /// <summary>The circuit breaker's window: its first trade's price and time.</summary>
    public long AnchorPrice;
    public long AnchorTime;
    public long RoyaltiesCollected;
    public BookSide Bids;
    public BookSide Asks;

    /// <summary>The lowest price on the tick inside the band (never below one tick).</summary>
    public readonly long BandLow
    {
        get
        {
            var raw = Reference - (long)((Int128)Reference * BandBps / 10_000);
            var low = (raw + Tick - 1) / Tick * Tick;
            return Math.Max(Tick, low);
        }
    }

    /// <summary>The highest price on the tick inside the band.</summary>
    public readonly long BandHigh => (Reference + (long)((Int128)Reference * BandBps / 10_000)) / Tick * Tick;
}
