namespace TokenPlatform.Domain.Trading;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// Trades the incoming order against the other side, best price first, oldest first, inside its limit and the
    /// band. A resting order that has expired, or whose account may no longer trade, is cancelled where it is met
    /// (so no trade the chain would refuse is ever made); the account's own orders follow its self-trade rule.
    /// Returns true when the circuit breaker halted the market instead of a trade.
    /// </summary>
    private bool Match(int handle, out bool selfTradeStop)
    {
        selfTradeStop = false;
        ref var o = ref _orders[handle];
        ref var m = ref Market(o.Asset);
        var opposite = o.Side == Side.Buy ? m.Asks : m.Bids;
        while (o.Remaining > 0 && opposite.Count > 0)
        {
            var levelHandle = opposite.Best;
            var price = _levels[levelHandle].Price;
            if ((o.Side == Side.Buy ? price > o.Price : price < o.Price) || price < m.BandLow || price > m.BandHigh)
            {
                return false;
            }

            for (var r = _levels[levelHandle].Head; r >= 0 && o.Remaining > 0;)
            {
                var next = _orders[r].Next;
                ref var resting = ref _orders[r];
                if (resting.Account == o.Account)
                {
                    if (o.SelfTrade == SelfTradePrevention.CancelIncoming)
                    {
                        selfTradeStop = true;
                        return false;
                    }

                    EndOrder(r, Reason.SelfTrade);
                }
                else if (Expired(resting))
                {
                    EndOrder(r, Reason.Expired);
                }
                else if (!IsEligible(resting.Account))
                {
                    EndOrder(r, Reason.CounterpartyIneligible);
                }
                else if (Breaches(ref m, price))
                {
                    SetMarketStatus(o.Asset, MarketStatus.Halted, Reason.CircuitBreaker);
                    return true;
                }
                else
                {
                    Trade(handle, r, price, Math.Min(o.Remaining, resting.Remaining));
                }

                r = next;
            }
        }

        return false;
    }

    /// <summary>True when a trade at this price would move beyond the breaker's threshold from its window's first price.</summary>
    private bool Breaches(ref AssetMarket m, long price)
    {
        if (m.BreakerBps == 0)
        {
            return false;
        }

        if (m.AnchorTime == 0 || _now - m.AnchorTime > m.BreakerWindowMs)
        {
            (m.AnchorPrice, m.AnchorTime) = (price, _now);
            return false;
        }

        var move = Math.Abs(price - m.AnchorPrice);
        return (Int128)move * BpsDenominator > (Int128)m.AnchorPrice * m.BreakerBps;
    }

    private void Trade(int taker, int maker, long price, long quantity)
    {
        ref var t = ref _orders[taker];
        ref var mk = ref _orders[maker];
        var (buyHandle, sellHandle) = t.Side == Side.Buy ? (taker, maker) : (maker, taker);
        ref var buy = ref _orders[buyHandle];
        ref var sell = ref _orders[sellHandle];
        ref var market = ref Market(t.Asset);
        var notional = price * quantity;
        var buyerFee = Share(notional, _feeBps);
        var sellerFee = Share(notional, _feeBps);
        var royalty = Share(notional, market.RoyaltyBps);

        // The buyer's hold for these fractions at its own limit goes; it pays the notional and its fee, the rest is free again.
        var held = Reservation(buy.Price, buy.Remaining) - Reservation(buy.Price, buy.Remaining - quantity);
        _cashReserved[buy.Account] -= held;
        CreditCash(buy.Account, held - notional - buyerFee);
        var buyerPosition = Position(t.Asset, buy.Account);
        _fractionsAvailable[buyerPosition] += quantity;
        _openBuys[buyerPosition] -= quantity;

        var sellerPosition = Position(t.Asset, sell.Account);
        _fractionsReserved[sellerPosition] -= quantity;
        CreditCash(sell.Account, notional - sellerFee - royalty);

        FeesCollected += buyerFee + sellerFee;
        market.RoyaltiesCollected += royalty;
        market.LastPrice = market.Reference = price;
        t.Remaining -= quantity;
        mk.Remaining -= quantity;
        ref var level = ref _levels[mk.Level];
        level.Quantity -= quantity;

        ref var e = ref _events.Add(EventType.Trade, _sequence);
        (e.TradeId, e.Asset, e.Side, e.Price, e.Quantity) = (++_tradeCount, t.Asset, t.Side, price, quantity);
        (e.OrderId, e.Account, e.Remaining) = (_orders.IdOf(taker), t.Account, t.Remaining);
        (e.CounterOrderId, e.CounterAccount) = (_orders.IdOf(maker), mk.Account);
        (e.BuyerFee, e.SellerFee, e.Royalty) = (buyerFee, sellerFee, royalty);

        if (mk.Remaining == 0)
        {
            Unlink(maker);
            _orders.Free(maker);
        }
    }

    /// <summary>Holds what the order needs: cash for a buy (notional and the largest fee), fractions for a sell.</summary>
    private void Reserve(int handle)
    {
        ref var o = ref _orders[handle];
        var position = Position(o.Asset, o.Account);
        if (o.Side == Side.Buy)
        {
            var hold = Reservation(o.Price, o.Remaining);
            _cashAvailable[o.Account] -= hold;
            _cashReserved[o.Account] += hold;
            _openBuys[position] += o.Remaining;
        }
        else
        {
            _fractionsAvailable[position] -= o.Remaining;
            _fractionsReserved[position] += o.Remaining;
        }
    }

    /// <summary>Gives back what the order's open quantity holds.</summary>
    private void Unreserve(int handle)
    {
        ref var o = ref _orders[handle];
        var position = Position(o.Asset, o.Account);
        if (o.Side == Side.Buy)
        {
            var hold = Reservation(o.Price, o.Remaining);
            _cashReserved[o.Account] -= hold;
            CreditCash(o.Account, hold);
            _openBuys[position] -= o.Remaining;
        }
        else
        {
            _fractionsReserved[position] -= o.Remaining;
            _fractionsAvailable[position] += o.Remaining;
        }
    }

    /// <summary>Cancels what is left of an order (resting or incoming), gives its holds back and says why.</summary>
    private void EndOrder(int handle, Reason reason)
    {
        ref var o = ref _orders[handle];
        var left = o.Remaining;
        Unreserve(handle);
        ref var e = ref _events.Add(EventType.Cancelled, _sequence);
        (e.OrderId, e.Account, e.Asset, e.Side, e.Price, e.Quantity, e.Reason) = (_orders.IdOf(handle), o.Account, o.Asset, o.Side, o.Price, left, reason);
        if (o.Resting)
        {
            _levels[o.Level].Quantity -= left;
            Unlink(handle);
        }

        _orders.Free(handle);
    }

    private void Rest(int handle)
    {
        ref var o = ref _orders[handle];
        ref var m = ref Market(o.Asset);
        var side = o.Side == Side.Buy ? m.Bids : m.Asks;
        var level = side.Find(_levels, o.Price, out var at);
        if (level < 0)
        {
            level = _levels.Allocate(o.Price);
            side.Insert(at, level);
        }

        ref var l = ref _levels[level];
        (o.Level, o.Prev, o.Next) = (level, l.Tail, -1);
        if (l.Tail >= 0)
        {
            _orders[l.Tail].Next = handle;
        }
        else
        {
            l.Head = handle;
        }

        l.Tail = handle;
        l.Count++;
        l.Quantity += o.Remaining;
        o.Resting = true;

        var head = _accountOrders[o.Account];
        (o.AccountNext, o.AccountPrev) = (head, -1);
        if (head >= 0)
        {
            _orders[head].AccountPrev = handle;
        }

        _accountOrders[o.Account] = handle;
        if (o.ExpiresAt != 0)
        {
            _expiries.Push(o.ExpiresAt, _orders.IdOf(handle));
        }
    }

    /// <summary>Takes a resting order out of its level (dropping the level when it empties) and out of its account's list.</summary>
    private void Unlink(int handle)
    {
        ref var o = ref _orders[handle];
        ref var l = ref _levels[o.Level];
        if (o.Prev >= 0)
        {
            _orders[o.Prev].Next = o.Next;
        }
        else
        {
            l.Head = o.Next;
        }

        if (o.Next >= 0)
        {
            _orders[o.Next].Prev = o.Prev;
        }
        else
        {
            l.Tail = o.Prev;
        }

        if (--l.Count == 0)
        {
            ref var m = ref Market(o.Asset);
            (o.Side == Side.Buy ? m.Bids : m.Asks).Remove(_levels, o.Level);
            _levels.Free(o.Level);
        }

        if (o.AccountPrev >= 0)
        {
            _orders[o.AccountPrev].AccountNext = o.AccountNext;
        }
        else
        {
            _accountOrders[o.Account] = o.AccountNext;
        }

        if (o.AccountNext >= 0)
        {
            _orders[o.AccountNext].AccountPrev = o.AccountPrev;
        }

        (o.Resting, o.Level, o.Next, o.Prev, o.AccountNext, o.AccountPrev) = (false, -1, -1, -1, -1, -1);
    }
}
