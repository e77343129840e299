using System.Diagnostics.CodeAnalysis;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>
/// Drives an engine with a stream of raw random numbers, turned into commands against what is known so far (order ids,
/// the band), tracks every order from the events and checks the engine's invariants after every command.
/// </summary>
internal sealed class EngineModel
{
    public const int Accounts = 6;
    public const int Assets = 3;
    private const long Usd = 1_000_000;
    private const long DayMs = 86_400_000;

    private static readonly long[] Ticks = [10_000, 1_000, 50_000];
    private static readonly long[] References = [10 * Usd, 2 * Usd, 50 * Usd];
    private readonly int[] _bandBps = [1_000, 500, 2_000];
    private readonly int[] _royaltyBps = [100, 0, 250];

    private readonly MatchingEngine _engine = new(orderCapacity: 4096, clientOrderIdMemory: 4096);
    private readonly Dictionary<long, Tracked> _open = [];
    private readonly Dictionary<long, int> _owners = [];
    private readonly List<long> _ids = [];
    private readonly Dictionary<(int Account, long ClientOrderId), (long OrderId, Reason Reason)> _firstAnswers = [];
    private readonly long[] _verifiedUntil = new long[Accounts];
    private readonly bool[] _frozen = new bool[Accounts];
    private readonly long[] _credited = new long[Assets];
    private readonly long[] _debited = new long[Assets];
    private readonly (long Low, long High)[] _bandBefore = new (long, long)[Assets];
    private readonly (long Low, long High)[] _band = new (long, long)[Assets];
    private readonly MarketStatus[] _statusBefore = new MarketStatus[Assets];
    private readonly BookLevel[] _depth = new BookLevel[512];
    private readonly bool _check;
    private long _deposited;
    private long _withdrawn;
    private int _feeBps;
    private int _capBps;
    private long _sequence;
    private long _now = 1_000;
    private EngineCommand _command;

    private readonly bool _capRaises;

    /// <param name="capRaises">False: the fee cap never rises after the start (a sharded market cancels buys a raise would need more cash for; see AccountStage).</param>
    public EngineModel(bool check = true, bool capRaises = true) => (_check, _capRaises) = (check, capRaises);

    public MatchingEngine Engine => _engine;

    public List<EngineCommand> Commands { get; } = [];

    public List<EngineEvent> Events { get; } = [];

    public List<ulong> Hashes { get; } = [];

    public void Run(int[][] stream)
    {
        var first = stream.Length > 0 ? stream[0] : [0, 0];
        var fee = first[0] % 60;
        Apply(EngineCommand.SetTradingFee(fee, fee + (first[1] % 150)));
        Apply(EngineCommand.ListAsset(0, Ticks[0], References[0], maxHolding: 0, lockUpUntil: 0, _bandBps[0], _royaltyBps[0]));
        Apply(EngineCommand.ListAsset(1, Ticks[1], References[1], maxHolding: 600, lockUpUntil: 0, _bandBps[1], _royaltyBps[1], breakerBps: 300, breakerWindowMs: 10_000));
        Apply(EngineCommand.ListAsset(2, Ticks[2], References[2], maxHolding: 0, lockUpUntil: _now + 20_000, _bandBps[2], _royaltyBps[2]));
        for (var account = 0; account < Accounts; account++)
        {
            Apply(EngineCommand.SetAccount(account, account == 5 ? _now + 30_000 : long.MaxValue, frozen: false));
            Apply(EngineCommand.DepositCash(account, (1_000 + (account * 7_919 % 50_000)) * Usd));
            for (var asset = 0; asset < Assets; asset++)
            {
                Apply(EngineCommand.CreditFractions(account, asset, 50 + ((account + 1) * (asset + 3) * 37 % 400)));
            }
        }

        foreach (var raw in stream)
        {
            _now += raw[0] / 100 % 3 == 0 ? 0 : raw[0] / 100 % 400;
            Apply(ToCommand(raw));
        }
    }

    private EngineCommand ToCommand(int[] r)
    {
        var account = r[1] % Accounts;
        var asset = r[2] % Assets;
        var kind = r[0] % 100;
        if (kind is < 50 or 94 or 95 or >= 97)
        {
            var side = r[3] % 2 == 0 ? Side.Buy : Side.Sell;
            var orderKind = kind >= 97 || r[4] % 10 < 1 ? OrderKind.Market : OrderKind.Limit;
            var tif = (r[4] / 10 % 10) switch
            {
                5 => TimeInForce.Gtd,
                6 => TimeInForce.Day,
                7 => TimeInForce.Ioc,
                8 => TimeInForce.Fok,
                _ => TimeInForce.Gtc,
            };
            var quantity = r[6] % 50 == 0 ? 1 + (r[6] % 2_000) : 1 + (r[6] % 20);
            var clientOrderId = r[5] % 5 == 0 ? 1 + (r[3] % 30) : 0;
            var expiresAt = tif == TimeInForce.Gtd ? _now + (r[6] % 7 == 0 ? 0 : 1 + (r[6] % 20_000)) : 0;
            return EngineCommand.Place(account, asset, side, orderKind, PriceNearBand(asset, r[7]), quantity, tif, clientOrderId, expiresAt,
                postOnly: r[5] % 8 == 1, selfTrade: r[5] / 8 % 2 == 0 ? SelfTradePrevention.CancelIncoming : SelfTradePrevention.CancelResting);
        }

        if (kind < 70)
        {
            if (_ids.Count == 0)
            {
                return EngineCommand.Tick();
            }

            var id = _open.Count > 0 && r[3] % 4 != 0 ? _open.Keys.ElementAt(r[3] / 4 % _open.Count) : _ids[r[3] / 4 % _ids.Count];
            var owner = r[4] % 6 == 0 ? account : _owners[id];
            if (kind < 62)
            {
                return EngineCommand.Cancel(owner, id);
            }

            var price = r[5] % 2 == 0 ? 0 : PriceNearBand(_open.TryGetValue(id, out var o) ? o.Asset : asset, r[7]);
            return EngineCommand.Amend(owner, id, r[6] % 9 == 0 ? 0 : 1 + (r[6] % 20), price);
        }

        return kind switch
        {
            < 73 => EngineCommand.CancelAll(account, (r[2] % 4) - 1),
            < 81 => TickCommand(r),
            < 84 => (r[3] % 8) switch
            {
                0 => EngineCommand.SetAccount(account, _verifiedUntil[account], frozen: true),
                1 => EngineCommand.SetAccount(account, _now + (r[4] % 10_000), frozen: _frozen[account]),
                2 => EngineCommand.SetAccount(account, 0, frozen: false),
                _ => EngineCommand.SetAccount(account, long.MaxValue, frozen: false),
            },
            < 86 => EngineCommand.CreditFractions(account, asset, 1 + (r[3] % 50)),
            < 88 => EngineCommand.DebitFractions(account, asset, 1 + (r[3] % 100)),
            < 90 => EngineCommand.DepositCash(account, (long)(r[3] % 1_000) * 1_000_000),
            < 93 => EngineCommand.WithdrawCash(account, (long)r[3] * 10_000),
            < 94 => r[5] % 2 == 0 ? FeeCommand(r) : Relist(asset, r),
            _ => EngineCommand.SetMarketStatus(asset, (r[3] % 12) switch
            {
                6 => MarketStatus.Halted,
                7 => MarketStatus.CancelOnly,
                8 => MarketStatus.Closed,
                9 => MarketStatus.Paused,
                _ => MarketStatus.Open,
            }),
        };
    }

    private EngineCommand TickCommand(int[] r)
    {
        _now += r[1] % 5 == 0 ? r[2] % DayMs : r[2] % 5_000;
        return EngineCommand.Tick();
    }

    /// <summary>New terms for a listed asset (same tick): band, maximum holding, lock-up, royalty, breaker.</summary>
    private EngineCommand Relist(int asset, int[] r)
    {
        var bands = new[] { 0, 200, 500, 1_000, 2_000 };
        var royalties = new[] { 0, 100, 250 };
        return EngineCommand.ListAsset(asset, Ticks[asset], References[asset], maxHolding: new long[] { 0, 300, 600 }[r[3] % 3],
            lockUpUntil: r[4] % 4 == 0 ? _now + (r[6] % 10_000) : 0, bands[r[6] % 5], royalties[r[7] % 3],
            breakerBps: r[4] % 3 == 0 ? 300 : 0, breakerWindowMs: 10_000);
    }

    private EngineCommand FeeCommand(int[] r)
    {
        var fee = r[4] % 10 == 0 ? r[1] % 6_000 : r[1] % 100;
        var cap = r[3] % 10 == 0 ? fee - 1 : fee + (r[2] % (r[4] % 10 == 0 ? 5_000 : 200));
        if (!_capRaises && cap > _capBps)
        {
            (fee, cap) = (Math.Min(fee, _capBps), _capBps);
        }

        return EngineCommand.SetTradingFee(fee, cap);
    }

    /// <summary>A price on the tick from two ticks below the band to two above (now and then off the tick).</summary>
    private long PriceNearBand(int asset, int raw)
    {
        var (low, high) = _engine.Band(asset);
        var tick = Ticks[asset];
        var steps = (high - low) / tick;
        var k = (raw % (steps + 5)) - 2;
        return low + (k * tick) + (raw % 37 == 0 ? 1 : 0);
    }

    private void Apply(EngineCommand command)
    {
        command.Sequence = ++_sequence;
        command.Timestamp = _now;
        _command = command;
        for (var asset = 0; asset < Assets; asset++)
        {
            _bandBefore[asset] = _band[asset] = _engine.Band(asset);
            _statusBefore[asset] = _engine.Status(asset);
        }

        _engine.Apply(command);
        Commands.Add(command);
        var events = _engine.Events.Events;
        var from = Events.Count;
        foreach (var e in events)
        {
            Events.Add(e);
        }

        _engine.Events.Clear();
        Hashes.Add(_engine.StateHash());
        if (!_check)
        {
            return;
        }

        for (var i = from; i < Events.Count; i++)
        {
            OnEvent(Events[i]);
        }

        AfterCommand(from);
    }

    private void OnEvent(EngineEvent e)
    {
        var c = _command;
        switch (e.Type)
        {
            case EventType.Accepted:
                Require(c.Type == CommandType.Place && IsEligible(c.Account) && _statusBefore[c.Asset] == MarketStatus.Open, "accepted an order that should be refused", e);
                _open.Add(e.OrderId, new Tracked(e.Account, e.Asset, e.Side, e.Price, e.Quantity, c.Kind, c.TimeInForce, c.PostOnly));
                _owners[e.OrderId] = e.Account;
                _ids.Add(e.OrderId);
                Remember(c, e.OrderId, Reason.None);
                break;
            case EventType.Rejected:
                if (c.Type == CommandType.Place)
                {
                    Remember(c, 0, e.Reason);
                }

                break;
            case EventType.Duplicate:
                Require(_firstAnswers.TryGetValue((c.Account, c.ClientOrderId), out var answer) && answer == (e.OrderId, e.Reason), "duplicate answer differs from the first", e);
                break;
            case EventType.Trade:
                OnTrade(e);
                break;
            case EventType.Cancelled:
                Require(_open.Remove(e.OrderId, out var cancelled), "cancelled an unknown order", e);
                Require(cancelled!.Remaining == e.Quantity && cancelled.Filled + e.Quantity == cancelled.Ordered && cancelled.Account == e.Account, "cancelled quantity is not what was open", e);
                Require(e.Reason != Reason.CounterpartyIneligible || !IsEligible(e.Account), "cancelled an eligible account's order as ineligible", e);
                break;
            case EventType.Amended:
                Require(_open.TryGetValue(e.OrderId, out var amended), "amended an unknown order", e);
                amended!.Price = e.Price;
                amended.Remaining = e.Remaining;
                amended.Ordered = amended.Filled + amended.Remaining;
                amended.Amended = true;
                break;
            case EventType.Applied:
                OnApplied(c);
                break;
            case EventType.MarketStatusChanged:
            case EventType.None:
            default:
                break;
        }
    }

    private void Remember(in EngineCommand c, long orderId, Reason reason)
    {
        if (c.ClientOrderId != 0)
        {
            Require(_firstAnswers.TryAdd((c.Account, c.ClientOrderId), (orderId, reason)), "a repeated client order id was answered again", default);
        }
    }

    private void OnTrade(EngineEvent e)
    {
        var taker = _open.GetValueOrDefault(e.OrderId);
        var maker = _open.GetValueOrDefault(e.CounterOrderId);
        Require(taker is not null && maker is not null, "trade of an unknown order", e);
        Require(taker!.Account == e.Account && maker!.Account == e.CounterAccount && e.Account != e.CounterAccount, "trade accounts", e);
        Require(taker.Side == e.Side && maker!.Side != e.Side && taker.Asset == e.Asset && maker.Asset == e.Asset, "trade sides", e);
        Require(e.Price == maker.Price, "trade not at the maker's price", e);
        Require(e.Side == Side.Buy ? e.Price <= taker.Price : e.Price >= taker.Price, "trade beyond the taker's limit", e);
        var (low, high) = _band[e.Asset];
        Require(e.Price >= low && e.Price <= high, "trade outside the band at that moment", e);
        var before = _bandBefore[e.Asset];
        Require(taker.Kind != OrderKind.Market || (e.Price >= before.Low && e.Price <= before.High), "market order traded outside the band read before", e);
        Require(IsEligible(e.Account) && IsEligible(e.CounterAccount), "trade with an ineligible account", e);
        Require(_statusBefore[e.Asset] == MarketStatus.Open, "trade on a market that is not open", e);
        Require(!taker.PostOnly || taker.Amended, "post-only order took liquidity", e);
        Require(e.Quantity > 0 && e.Quantity <= taker.Remaining && e.Quantity <= maker.Remaining, "trade quantity", e);
        var notional = e.Price * e.Quantity;
        Require(e.BuyerFee == notional * _feeBps / 10_000 && e.SellerFee == e.BuyerFee && e.Royalty == notional * _royaltyBps[e.Asset] / 10_000, "fees", e);
        _band[e.Asset] = BandAround(e.Asset, e.Price);
        foreach (var o in new[] { taker, maker })
        {
            o.Remaining -= e.Quantity;
            o.Filled += e.Quantity;
        }

        Require(taker.Remaining == e.Remaining && taker.Filled + e.Remaining == taker.Ordered && maker.Filled + maker.Remaining == maker.Ordered, "filled + remaining is not what was ordered", e);
        if (maker.Remaining == 0)
        {
            _open.Remove(e.CounterOrderId);
        }

        if (taker.Remaining == 0)
        {
            _open.Remove(e.OrderId);
        }
    }

    private void OnApplied(in EngineCommand c)
    {
        switch (c.Type)
        {
            case CommandType.DepositCash:
                _deposited += c.Value;
                break;
            case CommandType.WithdrawCash:
                _withdrawn += c.Value;
                break;
            case CommandType.CreditFractions:
                _credited[c.Asset] += c.Quantity;
                break;
            case CommandType.DebitFractions:
                _debited[c.Asset] += c.Quantity;
                break;
            case CommandType.SetTradingFee:
                (_feeBps, _capBps) = (c.Bps, c.Bps2);
                break;
            case CommandType.SetAccount:
                (_verifiedUntil[c.Account], _frozen[c.Account]) = (c.ExpiresAt, c.Value != 0);
                break;
            case CommandType.ListAsset:
                (_bandBps[c.Asset], _royaltyBps[c.Asset]) = (c.Bps, c.Bps2);
                break;
            default:
                break;
        }
    }

    private void AfterCommand(int from)
    {
        var c = _command;
        if (c.Type == CommandType.Place)
        {
            foreach (var e in Events.Skip(from).Where(e => e.Type == EventType.Accepted))
            {
                var immediate = c.Kind == OrderKind.Market || c.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;
                Require(!immediate || !_open.ContainsKey(e.OrderId), "an immediate order rests", e);
                var filled = Events.Skip(from).Where(t => t.Type == EventType.Trade && t.OrderId == e.OrderId).Sum(t => t.Quantity);
                Require(c.TimeInForce != TimeInForce.Fok || filled == e.Quantity, "a fill-or-kill order filled only partly", e);
            }
        }

        Require(_engine.OpenOrders == _open.Count, $"open orders: engine {_engine.OpenOrders}, tracked {_open.Count}", default);
        long cash = 0;
        for (var account = 0; account < Accounts; account++)
        {
            var balance = _engine.Cash(account);
            Require(balance.CashAvailable >= 0 && balance.CashReserved >= 0, $"negative cash of {account}: {balance}", default);
            var holds = _open.Values.Where(o => o.Account == account && o.Side == Side.Buy).Sum(o => Reservation(o.Price, o.Remaining));
            Require(balance.CashReserved == holds, $"cash reserved of {account} is {balance.CashReserved}, its open buys hold {holds}", default);
            cash += balance.CashAvailable + balance.CashReserved;
        }

        var royalties = Enumerable.Range(0, Assets).Sum(_engine.RoyaltiesCollected);
        Require(cash + _engine.FeesCollected + royalties == _deposited - _withdrawn, "cash is not conserved", default);
        for (var asset = 0; asset < Assets; asset++)
        {
            long fractions = 0;
            for (var account = 0; account < Accounts; account++)
            {
                var p = _engine.Fractions(asset, account);
                Require(p.FractionsAvailable >= 0 && p.FractionsReserved >= 0 && p.OpenBuys >= 0, $"negative position of {account} in {asset}: {p}", default);
                var sells = _open.Values.Where(o => o.Account == account && o.Asset == asset && o.Side == Side.Sell).Sum(o => o.Remaining);
                var buys = _open.Values.Where(o => o.Account == account && o.Asset == asset && o.Side == Side.Buy).Sum(o => o.Remaining);
                Require(p.FractionsReserved == sells && p.OpenBuys == buys, $"position of {account} in {asset}: {p}, open sells {sells}, open buys {buys}", default);
                fractions += p.FractionsAvailable + p.FractionsReserved;
            }

            Require(fractions == _credited[asset] - _debited[asset], $"fractions of {asset} are not conserved", default);
            CheckBook(asset);
        }
    }

    private void CheckBook(int asset)
    {
        var bids = Levels(asset, Side.Buy);
        var asks = Levels(asset, Side.Sell);
        Require(bids.Length == 0 || asks.Length == 0 || bids[0].Price < asks[0].Price, $"crossed book on {asset}: bid {bids.FirstOrDefault()}, ask {asks.FirstOrDefault()}", default);
        foreach (var (side, levels) in new[] { (Side.Buy, bids), (Side.Sell, asks) })
        {
            var expected = _open.Values.Where(o => o.Asset == asset && o.Side == side)
                .GroupBy(o => o.Price)
                .Select(g => new BookLevel(g.Key, g.Sum(o => o.Remaining), g.Count()))
                .OrderBy(l => side == Side.Buy ? -l.Price : l.Price)
                .ToArray();
            Require(expected.SequenceEqual(levels), $"{side} depth of {asset} differs from the tracked orders", default);
        }
    }

    private BookLevel[] Levels(int asset, Side side) => _depth[.._engine.Depth(asset, side, _depth)];

    private bool IsEligible(int account) => account is >= 0 and < Accounts && !_frozen[account] && _verifiedUntil[account] > _now;

    private long Reservation(long price, long quantity) => (price * quantity) + (price * quantity * _capBps / 10_000);

    private (long Low, long High) BandAround(int asset, long price)
    {
        var tick = Ticks[asset];
        var move = price * _bandBps[asset] / 10_000;
        return (Math.Max(tick, (price - move + tick - 1) / tick * tick), (price + move) / tick * tick);
    }

    private void Require([DoesNotReturnIf(false)] bool condition, string what, EngineEvent e)
    {
        if (!condition)
        {
            throw new InvalidOperationException(
                $"After command {_sequence} ({_command.Type} account {_command.Account} asset {_command.Asset} {_command.Side} {_command.Kind} {_command.TimeInForce} " +
                $"price {_command.Price} qty {_command.Quantity} order {_command.OrderId} at {_now}): {what}; event {e.Type} order {e.OrderId} counter {e.CounterOrderId} " +
                $"price {e.Price} qty {e.Quantity} remaining {e.Remaining} reason {e.Reason}");
        }
    }

    private sealed class Tracked(int account, int asset, Side side, long price, long quantity, OrderKind kind, TimeInForce tif, bool postOnly)
    {
        public int Account { get; } = account;

        public int Asset { get; } = asset;

        public Side Side { get; } = side;

        public OrderKind Kind { get; } = kind;

        public TimeInForce TimeInForce { get; } = tif;

        public bool PostOnly { get; } = postOnly;

        public long Price { get; set; } = price;

        public long Remaining { get; set; } = quantity;

        public long Ordered { get; set; } = quantity;

        public long Filled { get; set; }

        public bool Amended { get; set; }
    }
}
