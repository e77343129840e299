namespace TokenPlatform.Domain.Trading;

public sealed partial class MatchingEngine
{
    private const long DayMs = 86_400_000;

    private void Place(in EngineCommand c)
    {
        if (c.ClientOrderId != 0 && _clientOrderIds.TryGet(c.Account, c.ClientOrderId, out var firstId, out var firstReason))
        {
            ref var dup = ref _events.Add(EventType.Duplicate, _sequence);
            (dup.Account, dup.Asset, dup.OrderId, dup.ClientOrderId, dup.Reason) = (c.Account, c.Asset, firstId, c.ClientOrderId, firstReason);
            return;
        }

        var refusal = Admit(c, out var limit, out var expiresAt);
        if (refusal != Reason.None)
        {
            Reject(c, refusal);
            return;
        }

        var handle = _orders.Allocate();
        ref var o = ref _orders[handle];
        (o.Account, o.Asset, o.Side, o.Price, o.Remaining, o.ExpiresAt, o.TimeInForce, o.SelfTrade, o.PostOnly) =
            (c.Account, c.Asset, c.Side, limit, c.Quantity, expiresAt, c.TimeInForce, c.SelfTrade, c.PostOnly);
        Reserve(handle);
        var id = _orders.IdOf(handle);
        if (c.ClientOrderId != 0)
        {
            _clientOrderIds.Remember(c.Account, c.ClientOrderId, id, Reason.None);
        }

        ref var accepted = ref _events.Add(EventType.Accepted, _sequence);
        (accepted.Account, accepted.Asset, accepted.OrderId, accepted.ClientOrderId, accepted.Side, accepted.Price, accepted.Quantity, accepted.Remaining) =
            (c.Account, c.Asset, id, c.ClientOrderId, c.Side, limit, c.Quantity, c.Quantity);
        Execute(handle, c.Kind == OrderKind.Market || c.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok);
    }

    /// <summary>Matches an admitted order, then rests, or cancels, what is left.</summary>
    private void Execute(int handle, bool immediateOnly)
    {
        var halted = Match(handle, out var selfTradeStop);
        ref var o = ref _orders[handle];
        if (o.Remaining == 0)
        {
            _orders.Free(handle);
            return;
        }

        var reason = selfTradeStop ? Reason.SelfTrade
            : halted ? Reason.MarketHalted
            : immediateOnly ? Reason.NoMoreLiquidity
            : Crosses(handle) ? Reason.CrossesOrderItCannotTrade
            : Reason.None;
        if (reason != Reason.None)
        {
            EndOrder(handle, reason);
            return;
        }

        Rest(handle);
    }

    private Reason Admit(in EngineCommand c, out long limit, out long expiresAt)
    {
        (limit, expiresAt) = (0, 0);
        if (c.Account < 0 || c.Account >= _known.Length || !_known[c.Account])
        {
            return Reason.UnknownAccount;
        }

        if (_frozen[c.Account])
        {
            return Reason.AccountFrozen;
        }

        if (_verifiedUntil[c.Account] <= _now)
        {
            return Reason.NotVerified;
        }

        if (!IsListed(c.Asset))
        {
            return Reason.UnknownAsset;
        }

        ref var m = ref Market(c.Asset);
        switch (m.Status)
        {
            case MarketStatus.Halted:
                return Reason.MarketHalted;
            case MarketStatus.CancelOnly:
                return Reason.CancelOnly;
            case MarketStatus.Open:
                break;
            default:
                return Reason.MarketNotOpen;
        }

        if (c.Quantity <= 0 || c.Side is not (Side.Buy or Side.Sell) || c.Kind is not (OrderKind.Limit or OrderKind.Market)
            || c.TimeInForce is < TimeInForce.Gtc or > TimeInForce.Fok)
        {
            return Reason.InvalidQuantity;
        }

        var (low, high) = (m.BandLow, m.BandHigh);
        if (c.Kind == OrderKind.Market)
        {
            // Protected: a limit at the band's edge.
            limit = c.Side == Side.Buy ? high : low;
            if (c.PostOnly)
            {
                return Reason.WouldTakeLiquidity;
            }
        }
        else
        {
            limit = c.Price;
            if (limit <= 0)
            {
                return Reason.InvalidPrice;
            }

            if (limit % m.Tick != 0)
            {
                return Reason.OffTick;
            }

            if (limit < low || limit > high)
            {
                return Reason.OutsideBand;
            }
        }

        if (c.TimeInForce == TimeInForce.Gtd)
        {
            if (c.ExpiresAt <= _now)
            {
                return Reason.InvalidExpiry;
            }

            expiresAt = c.ExpiresAt;
        }
        else if (c.TimeInForce == TimeInForce.Day)
        {
            expiresAt = ((_now / DayMs) + 1) * DayMs;
        }

        var position = Position(c.Asset, c.Account);
        if (c.Side == Side.Sell)
        {
            if (_now < m.LockUpUntil)
            {
                return Reason.LockedUp;
            }

            if (_fractionsAvailable[position] < c.Quantity)
            {
                return Reason.InsufficientFractions;
            }
        }
        else
        {
            if (m.MaxHolding > 0 && _fractionsAvailable[position] + _fractionsReserved[position] + _openBuys[position] + c.Quantity > m.MaxHolding)
            {
                return Reason.MaxHolding;
            }

            if (c.Quantity > long.MaxValue / limit / 2 || _cashAvailable[c.Account] < Reservation(limit, c.Quantity))
            {
                return Reason.InsufficientCash;
            }
        }

        if (c.PostOnly && WouldTrade(c.Asset, c.Side, limit, low, high))
        {
            return Reason.WouldTakeLiquidity;
        }

        if (c.TimeInForce == TimeInForce.Fok && Fillable(c.Asset, c.Account, c.Side, limit, c.Quantity, c.SelfTrade) < c.Quantity)
        {
            return Reason.CannotFillCompletely;
        }

        return Reason.None;
    }

    private void Reject(in EngineCommand c, Reason reason)
    {
        if (c.ClientOrderId != 0)
        {
            _clientOrderIds.Remember(c.Account, c.ClientOrderId, 0, reason);
        }

        ref var e = ref _events.Add(EventType.Rejected, _sequence);
        (e.Account, e.Asset, e.ClientOrderId, e.Side, e.Price, e.Quantity, e.Reason) = (c.Account, c.Asset, c.ClientOrderId, c.Side, c.Price, c.Quantity, reason);
    }

    private bool WouldTrade(int asset, Side side, long limit, long low, long high)
    {
        ref var m = ref Market(asset);
        var best = (side == Side.Buy ? m.Asks : m.Bids).Best;
        if (best < 0)
        {
            return false;
        }

        var price = _levels[best].Price;
        return (side == Side.Buy ? price <= limit : price >= limit) && price >= low && price <= high;
    }

    /// <summary>
    /// How much an order could fill at once: what the matching loop would trade, without changing anything. Like the
    /// loop, it re-centres the band on each trade and stops where the circuit breaker would halt (on a copy of the market).
    /// </summary>
    private long Fillable(int asset, int account, Side side, long limit, long wanted, SelfTradePrevention selfTrade)
    {
        var m = Market(asset);
        var opposite = side == Side.Buy ? m.Asks : m.Bids;
        long found = 0;
        for (var rank = 0; rank < opposite.Count && found < wanted; rank++)
        {
            ref var level = ref _levels[opposite.LevelAt(rank)];
            if ((side == Side.Buy ? level.Price > limit : level.Price < limit) || level.Price < m.BandLow || level.Price > m.BandHigh)
            {
                break;
            }

            for (var h = level.Head; h >= 0 && found < wanted; h = _orders[h].Next)
            {
                ref var r = ref _orders[h];
                if (r.Account == account)
                {
                    if (selfTrade == SelfTradePrevention.CancelIncoming)
                    {
                        return found;
                    }

                    continue;
                }

                if (!Expired(r) && IsEligible(r.Account))
                {
                    if (Breaches(ref m, level.Price))
                    {
                        return found;
                    }

                    found += r.Remaining;
                    m.Reference = level.Price;
                }
            }
        }

        return found;
    }

    private bool Expired(in OrderSlot order) => order.ExpiresAt != 0 && order.ExpiresAt <= _now;

    /// <summary>True when the order's price faces a resting order on the other side (one it could not trade with).</summary>
    private bool Crosses(int handle)
    {
        ref var o = ref _orders[handle];
        ref var m = ref Market(o.Asset);
        var best = (o.Side == Side.Buy ? m.Asks : m.Bids).Best;
        return best >= 0 && (o.Side == Side.Buy ? _levels[best].Price <= o.Price : _levels[best].Price >= o.Price);
    }
}
