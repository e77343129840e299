namespace TokenPlatform.Domain.Trading;

public sealed partial class MatchingEngine
{
    private void CancelByUser(in EngineCommand c)
    {
        var handle = _orders.Find(c.OrderId);
        if (handle < 0 || !_orders[handle].Resting)
        {
            RejectOrderCommand(c, Reason.UnknownOrder);
            return;
        }

        if (_orders[handle].Account != c.Account)
        {
            RejectOrderCommand(c, Reason.NotYourOrder);
            return;
        }

        EndOrder(handle, Reason.CancelledByUser);
    }

    private void CancelAll(in EngineCommand c)
    {
        if (c.Account < 0 || c.Account >= _known.Length || !_known[c.Account])
        {
            RejectOrderCommand(c, Reason.UnknownAccount);
            return;
        }

        CancelAccountOrders(c.Account, c.Asset, null, Reason.CancelledByUser);
        Applied(c, Reason.None);
    }

    /// <summary>Ends the account's resting orders (on one asset, or all with -1; one side, or both with null), newest first.</summary>
    private void CancelAccountOrders(int account, int asset, Side? side, Reason reason)
    {
        for (var h = _accountOrders[account]; h >= 0;)
        {
            var next = _orders[h].AccountNext;
            if ((asset < 0 || _orders[h].Asset == asset) && (side is null || _orders[h].Side == side))
            {
                EndOrder(h, reason);
            }

            h = next;
        }
    }

    /// <summary>
    /// A smaller quantity at the same price keeps the order's place in the queue; a new price or a larger
    /// quantity takes the order out and places it again (same id), checked and matched like a new one.
    /// </summary>
    private void Amend(in EngineCommand c)
    {
        var handle = _orders.Find(c.OrderId);
        if (handle < 0 || !_orders[handle].Resting)
        {
            RejectOrderCommand(c, Reason.UnknownOrder);
            return;
        }

        ref var o = ref _orders[handle];
        if (o.Account != c.Account)
        {
            RejectOrderCommand(c, Reason.NotYourOrder);
            return;
        }

        if (Expired(o))
        {
            // Past its time in force but not yet ticked: it ends here, as it would where it is met (a DAY order is not renewed).
            EndOrder(handle, Reason.Expired);
            return;
        }

        if (c.Quantity <= 0)
        {
            RejectOrderCommand(c, Reason.InvalidQuantity);
            return;
        }

        var price = c.Price == 0 ? o.Price : c.Price;
        if (price == o.Price && c.Quantity < o.Remaining)
        {
            var cut = o.Remaining - c.Quantity;
            Unreserve(handle);
            o.Remaining = c.Quantity;
            Reserve(handle);
            _levels[o.Level].Quantity -= cut;
            AmendedEvent(handle, c);
            return;
        }

        if (Market(o.Asset).Status != MarketStatus.Open)
        {
            RejectOrderCommand(c, Market(o.Asset).Status == MarketStatus.Halted ? Reason.MarketHalted : Reason.CancelOnly);
            return;
        }

        // Check the replacement as a new order would be, with this order's holds given back first.
        var replacement = EngineCommand.Place(o.Account, o.Asset, o.Side, OrderKind.Limit, price, c.Quantity, o.TimeInForce, 0, o.ExpiresAt, o.PostOnly, o.SelfTrade);
        replacement.Sequence = _sequence;
        Unreserve(handle);
        var refusal = Admit(replacement, out _, out var expiresAt);
        if (refusal != Reason.None)
        {
            // Nothing changes: the order keeps its holds and its place.
            Reserve(handle);
            RejectOrderCommand(c, refusal);
            return;
        }

        _levels[o.Level].Quantity -= o.Remaining;
        Unlink(handle);
        (o.Price, o.Remaining, o.ExpiresAt) = (price, c.Quantity, expiresAt == 0 ? o.ExpiresAt : expiresAt);
        Reserve(handle);
        AmendedEvent(handle, c);
        Execute(handle, immediateOnly: false);
    }

    private void AmendedEvent(int handle, in EngineCommand c)
    {
        ref var o = ref _orders[handle];
        ref var e = ref _events.Add(EventType.Amended, _sequence);
        (e.OrderId, e.Account, e.Asset, e.Side, e.Price, e.Quantity, e.Remaining) = (c.OrderId, o.Account, o.Asset, o.Side, o.Price, o.Remaining, o.Remaining);
    }

    private void RejectOrderCommand(in EngineCommand c, Reason reason)
    {
        ref var e = ref _events.Add(EventType.Rejected, _sequence);
        (e.OrderId, e.Account, e.Asset, e.Reason) = (c.OrderId, c.Account, c.Asset, reason);
    }

    /// <summary>Cancels the resting orders whose expiry is reached, earliest first.</summary>
    private void ExpireDue()
    {
        while (_expiries.Count > 0 && _expiries.PeekTime <= _now)
        {
            var (at, id) = (_expiries.PeekTime, _expiries.PeekId);
            _expiries.Pop();
            var handle = _orders.Find(id);
            if (handle >= 0 && _orders[handle].Resting && _orders[handle].ExpiresAt == at)
            {
                EndOrder(handle, Reason.Expired);
            }
        }
    }
}
