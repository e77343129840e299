namespace TokenPlatform.Domain.Trading;

public sealed partial class MatchingEngine
{
    private void ListAsset(in EngineCommand c)
    {
        var tick = c.Value;
        var breakerBps = (int)(c.Value2 >> 40);
        if (c.Asset is < 0 or >= MaxIndex || tick <= 0 || c.Price <= 0 || c.Price % tick != 0 || c.Bps is < 0 or > 5_000 || c.Bps2 is < 0 or > 5_000 || c.Quantity < 0 || breakerBps < 0)
        {
            Applied(c, Reason.InvalidPrice, rejected: true);
            return;
        }

        if (c.Asset >= _assets.Length)
        {
            var size = _assets.Length;
            while (size <= c.Asset)
            {
                size *= 2;
            }

            Array.Resize(ref _assets, size);
        }

        ref var m = ref _assets[c.Asset];
        if (!m.Listed)
        {
            (m.Listed, m.Status, m.Bids, m.Asks, m.Reference) = (true, MarketStatus.Open, new BookSide(bids: true), new BookSide(bids: false), c.Price);
        }

        // Terms may change (a re-listing): resting orders off the new tick are left to trade at their price.
        (m.Tick, m.MaxHolding, m.LockUpUntil, m.BandBps, m.RoyaltyBps) = (tick, c.Quantity, c.ExpiresAt, c.Bps, c.Bps2);
        (m.BreakerBps, m.BreakerWindowMs) = (breakerBps, c.Value2 & 0xFF_FFFF_FFFF);
        if (m.LastPrice == 0)
        {
            m.Reference = c.Price;
        }

        Applied(c, Reason.None);
    }

    private void SetMarketStatus(int asset, MarketStatus status, Reason reason)
    {
        if (!IsListed(asset) || status is < MarketStatus.Closed or > MarketStatus.Paused)
        {
            ref var rejected = ref _events.Add(EventType.Rejected, _sequence);
            (rejected.Asset, rejected.Reason) = (asset, IsListed(asset) ? Reason.InvalidStatus : Reason.UnknownAsset);
            return;
        }

        ref var m = ref Market(asset);
        m.Status = status;
        if (status == MarketStatus.Open)
        {
            // A new breaker window starts with the next trade.
            m.AnchorTime = 0;
        }

        ref var e = ref _events.Add(EventType.MarketStatusChanged, _sequence);
        (e.Asset, e.Status, e.Reason) = (asset, status, reason);
        if (status is MarketStatus.Closed or MarketStatus.Paused)
        {
            // Closed or paused on chain: nothing may trade, so nothing rests.
            for (var account = 0; account < _accountOrders.Length; account++)
            {
                if (_accountOrders[account] >= 0)
                {
                    CancelAccountOrders(account, asset, null, Reason.AssetClosed);
                }
            }
        }
    }

    private void SetAccount(in EngineCommand c)
    {
        if (c.Account is < 0 or >= MaxIndex)
        {
            Applied(c, Reason.UnknownAccount, rejected: true);
            return;
        }

        EnsureAccount(c.Account);
        _known[c.Account] = true;
        _verifiedUntil[c.Account] = c.ExpiresAt;
        _frozen[c.Account] = c.Value != 0;
        if (_frozen[c.Account])
        {
            CancelAccountOrders(c.Account, -1, null, Reason.AccountFrozenCancelled);
        }

        Applied(c, Reason.None);
    }

    private void MoveCash(in EngineCommand c)
    {
        if (c.Account < 0 || c.Account >= _known.Length || !_known[c.Account])
        {
            Applied(c, Reason.UnknownAccount, rejected: true);
            return;
        }

        if (c.Value <= 0)
        {
            Applied(c, Reason.InvalidAmount, rejected: true);
            return;
        }

        if (c.Type == CommandType.DepositCash)
        {
            // A balance beyond what a long holds is refused, never an exception out of the engine's thread.
            if (c.Value > long.MaxValue - _cashAvailable[c.Account] - _cashReserved[c.Account])
            {
                Applied(c, Reason.AmountTooLarge, rejected: true);
                return;
            }

            CreditCash(c.Account, c.Value);
        }
        else if (_cashAvailable[c.Account] < c.Value)
        {
            Applied(c, Reason.InsufficientCash, rejected: true);
            return;
        }
        else
        {
            _cashAvailable[c.Account] -= c.Value;
        }

        Applied(c, Reason.None);
    }

    /// <summary>
    /// Fractions moved outside the book. A credit that leaves no room under the maximum holding cancels the
    /// account's open buys of that asset (so no resting buy can ever take it over); a debit larger than what
    /// is available first cancels the account's sells of that asset (a forced transfer wins over an offer).
    /// </summary>
    private void MoveFractions(in EngineCommand c)
    {
        if (c.Account < 0 || c.Account >= _known.Length || !_known[c.Account] || !IsListed(c.Asset))
        {
            Applied(c, IsListed(c.Asset) ? Reason.UnknownAccount : Reason.UnknownAsset, rejected: true);
            return;
        }

        if (c.Quantity <= 0)
        {
            Applied(c, Reason.InvalidQuantity, rejected: true);
            return;
        }

        var position = Position(c.Asset, c.Account);
        if (c.Type == CommandType.CreditFractions)
        {
            if (c.Quantity > long.MaxValue - _fractionsAvailable[position] - _fractionsReserved[position] - _openBuys[position])
            {
                Applied(c, Reason.AmountTooLarge, rejected: true);
                return;
            }

            _fractionsAvailable[position] += c.Quantity;
            var max = Market(c.Asset).MaxHolding;
            if (max > 0 && _openBuys[position] > 0 && _fractionsAvailable[position] + _fractionsReserved[position] + _openBuys[position] > max)
            {
                CancelAccountOrders(c.Account, c.Asset, Side.Buy, Reason.OverMaxHoldingAfterCredit);
            }
        }
        else
        {
            if (_fractionsAvailable[position] + _fractionsReserved[position] < c.Quantity)
            {
                Applied(c, Reason.InsufficientFractions, rejected: true);
                return;
            }

            if (_fractionsAvailable[position] < c.Quantity)
            {
                CancelAccountOrders(c.Account, c.Asset, Side.Sell, Reason.FractionsLeft);
            }

            _fractionsAvailable[position] -= c.Quantity;
        }

        Applied(c, Reason.None);
    }

    /// <summary>
    /// A new fee or cap. A new cap re-holds every open buy for it (in book order); a buy its account can no longer cover is cancelled.
    /// The fee is at most 50 %: with a royalty of at most 50 % (see <see cref="ListAsset"/>) a sale never costs the seller more than it brings.
    /// </summary>
    private void SetTradingFee(in EngineCommand c)
    {
        if (c.Bps < 0 || c.Bps > 5_000 || c.Bps2 < c.Bps || c.Bps2 > 10_000)
        {
            Applied(c, Reason.InvalidAmount, rejected: true);
            return;
        }

        _feeBps = c.Bps;
        if (c.Bps2 != _feeCapBps)
        {
            ReholdBuys(c.Bps2);
        }

        Applied(c, Reason.None);
    }

    private void ReholdBuys(int newCapBps)
    {
        var oldCapBps = _feeCapBps;
        for (var account = 0; account < _accountOrders.Length; account++)
        {
            for (var h = _accountOrders[account]; h >= 0;)
            {
                var next = _orders[h].AccountNext;
                ref var o = ref _orders[h];
                if (o.Side == Side.Buy)
                {
                    var before = Reservation(o.Price, o.Remaining);
                    _feeCapBps = newCapBps;
                    var after = Reservation(o.Price, o.Remaining);
                    _feeCapBps = oldCapBps;
                    if (_cashAvailable[account] + before < after)
                    {
                        EndOrder(h, Reason.InsufficientCash);
                    }
                    else
                    {
                        CreditCash(account, before - after);
                        _cashReserved[account] += after - before;
                    }
                }

                h = next;
            }
        }

        _feeCapBps = newCapBps;
    }
}
