namespace TokenPlatform.Domain.Trading;

/// <summary>What one account holds on the market: cash and, per asset, fractions, each split in available and held by open orders.</summary>
public readonly record struct AccountBalance(long CashAvailable, long CashReserved);

public readonly record struct PositionBalance(long FractionsAvailable, long FractionsReserved, long OpenBuys);

/// <summary>One price level of a book as the market shows it.</summary>
public readonly record struct BookLevel(long Price, long Quantity, int Orders);

public sealed partial class MatchingEngine
{
    public AccountBalance Cash(int account) =>
        account >= 0 && account < _known.Length ? new(_cashAvailable[account], _cashReserved[account]) : default;

    public PositionBalance Fractions(int asset, int account) =>
        _positionIndex.TryGet(asset, account, out var p) ? new(_fractionsAvailable[p], _fractionsReserved[p], _openBuys[p]) : default;

    /// <summary>True while the order rests in a book.</summary>
    public bool IsOpen(long orderId) => _orders.Find(orderId) is >= 0 and var h && _orders[h].Resting;

    /// <summary>The account of a live order, or -1.</summary>
    public int OwnerOf(long orderId) => _orders.Find(orderId) is >= 0 and var h ? _orders[h].Account : -1;

    public MarketStatus Status(int asset) => IsListed(asset) ? _assets[asset].Status : MarketStatus.Closed;

    public long LastPrice(int asset) => IsListed(asset) ? _assets[asset].LastPrice : 0;

    public (long Low, long High) Band(int asset) => IsListed(asset) ? (_assets[asset].BandLow, _assets[asset].BandHigh) : (0, 0);

    public long RoyaltiesCollected(int asset) => IsListed(asset) ? _assets[asset].RoyaltiesCollected : 0;

    /// <summary>The best levels of one side (best first), into a caller's buffer; returns how many.</summary>
    public int Depth(int asset, Side side, Span<BookLevel> levels)
    {
        if (!IsListed(asset))
        {
            return 0;
        }

        var book = side == Side.Buy ? _assets[asset].Bids : _assets[asset].Asks;
        var n = Math.Min(levels.Length, book.Count);
        for (var rank = 0; rank < n; rank++)
        {
            ref var l = ref _levels[book.LevelAt(rank)];
            levels[rank] = new BookLevel(l.Price, l.Quantity, l.Count);
        }

        return n;
    }

    /// <summary>
    /// A digest of the state that decides future events (accounts, positions, markets and their terms, every resting
    /// order in book order with its side, time in force and self-trade rule, fee, counters), so two engines that applied
    /// the same commands can be compared in one number. Not in it: the expiry queue and the client-order-id memory,
    /// both derived from the same commands (a difference there shows up in the events, which the tests compare too).
    /// </summary>
    public ulong StateHash()
    {
        var h = new Fnv();
        h.Add(_sequence).Add(_now).Add(_tradeCount).Add(FeesCollected).Add(_feeBps).Add(_feeCapBps);
        for (var a = 0; a < _known.Length; a++)
        {
            if (_known[a])
            {
                h.Add(a).Add(_cashAvailable[a]).Add(_cashReserved[a]).Add(_verifiedUntil[a]).Add(_frozen[a] ? 1 : 0);
            }
        }

        for (var p = 0; p < _positionCount; p++)
        {
            h.Add(_positionAsset[p]).Add(_positionAccount[p]).Add(_fractionsAvailable[p]).Add(_fractionsReserved[p]).Add(_openBuys[p]);
        }

        for (var asset = 0; asset < _assets.Length; asset++)
        {
            ref var m = ref _assets[asset];
            if (!m.Listed)
            {
                continue;
            }

            h.Add(asset).Add((int)m.Status).Add(m.Reference).Add(m.LastPrice).Add(m.AnchorPrice).Add(m.AnchorTime).Add(m.RoyaltiesCollected);
            h.Add(m.Tick).Add(m.MaxHolding).Add(m.LockUpUntil).Add(m.BandBps).Add(m.RoyaltyBps).Add(m.BreakerBps).Add(m.BreakerWindowMs);
            HashSide(ref h, m.Bids);
            HashSide(ref h, m.Asks);
        }

        return h.Value;
    }

    private void HashSide(ref Fnv h, BookSide side)
    {
        for (var rank = 0; rank < side.Count; rank++)
        {
            ref var l = ref _levels[side.LevelAt(rank)];
            h.Add(l.Price).Add(l.Quantity);
            for (var o = l.Head; o >= 0; o = _orders[o].Next)
            {
                ref var order = ref _orders[o];
                h.Add(_orders.IdOf(o)).Add(order.Account).Add(order.Remaining).Add(order.ExpiresAt).Add((long)order.Side | ((long)order.TimeInForce << 8) | ((long)order.SelfTrade << 16));
            }
        }
    }

    private struct Fnv
    {
        public ulong Value = 14695981039346656037UL;

        public Fnv()
        {
        }

        public Fnv Add(long value)
        {
            for (var i = 0; i < 8; i++)
            {
                Value = (Value ^ (byte)(value >> (i * 8))) * 1099511628211UL;
            }

            return this;
        }
    }
}
