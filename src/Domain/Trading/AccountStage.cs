namespace TokenPlatform.Domain.Trading;

/// <summary>
/// The first stage of a market spread over shards (exchange-core's pre-risk): it owns every account's available
/// cash, so an account that trades assets on several shards can never spend the same cash twice. A buy takes the
/// cash its hold needs (limit x quantity + the fee at the cap; a market buy or an amend that keeps its price,
/// whose need only the shard knows, takes all that is available) and carries it to the asset's shard; the shard
/// holds what the order needs and hands the rest back at once (<see cref="EventType.CashReleased"/>, applied here as
/// <see cref="CommandType.ReleaseCash"/>), as it hands back sale proceeds and the holds of ended buys. Deposits and
/// withdrawals happen here only. Eligibility, fractions and books live on the shards (an account's eligibility is
/// sent to all of them). Deterministic like the engine: same commands, same events, same <see cref="StateHash"/>.
/// </summary>
public sealed partial class AccountStage : ISequencedStage
{
    private const long BpsDenominator = 10_000;

    private readonly EventBuffer _events = new();
    private readonly long[] _released;
    private readonly long[] _releasedIndex;
    private readonly ClientOrderIds _clientOrderIds;
    private long[] _available = new long[64];
    private bool[] _known = new bool[64];
    private long _sequence;
    private long _netDeposits;
    private int _feeBps;
    private int _feeCapBps;

    /// <param name="clientOrderIdMemory">How many recent (account, client order id) pairs the stage remembers the shard of, so a repeat reaches the shard that holds the first answer.</param>
    public AccountStage(int shards, int clientOrderIdMemory = 1 << 16)
    {
        _clientOrderIds = new ClientOrderIds(clientOrderIdMemory);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shards, ShardRouting.MaxShards);
        Shards = shards;
        _released = new long[shards];
        _releasedIndex = new long[shards];
        Array.Fill(_releasedIndex, -1);
    }

    public int Shards { get; }

    public EventBuffer Events => _events;

    public long LastSequence => _sequence;

    /// <summary>Cash the account may spend now (what its open buys hold is on the shards).</summary>
    public long Available(int account) => account >= 0 && account < _available.Length ? _available[account] : 0;

    /// <summary>The last release from a shard this stage has applied: the shard's sequence and the release's index in it (-1: none of that command). Recovery resumes after it.</summary>
    public (long Sequence, long Index) ReleasedThrough(int shard) => (_released[shard], _releasedIndex[shard]);

    public void Apply(in EngineCommand command)
    {
        ref readonly var c = ref command;
        _sequence = c.Sequence;
        switch (c.Type)
        {
            case CommandType.Place:
                Route(c, PlaceShard(c), c.Side == Side.Buy ? Need(c.Account, c.Kind == OrderKind.Limit ? c.Price : 0, c.Quantity) : 0);
                break;
            case CommandType.Amend:
                Route(c, ShardRouting.ShardOfOrder(c.OrderId, Shards), Need(c.Account, c.Price, c.Quantity));
                break;
            case CommandType.Cancel:
                Route(c, ShardRouting.ShardOfOrder(c.OrderId, Shards), 0);
                break;
            case CommandType.CancelAll when c.Asset >= 0:
            case CommandType.ListAsset:
            case CommandType.SetMarketStatus:
            case CommandType.CreditFractions:
            case CommandType.DebitFractions:
                Route(c, ShardRouting.ShardOfAsset(c.Asset, Shards), 0);
                break;
            case CommandType.CancelAll:
            case CommandType.Tick:
                Broadcast(c);
                break;
            case CommandType.SetAccount:
                SetAccount(c);
                break;
            case CommandType.SetTradingFee:
                SetTradingFee(c);
                break;
            case CommandType.DepositCash:
            case CommandType.WithdrawCash:
                MoveCash(c);
                break;
            case CommandType.ReleaseCash:
                Release(c);
                break;
            default:
                Answer(c, Reason.InvalidAmount, rejected: true);
                break;
        }
    }

    /// <summary>The asset's shard, or for a repeated client order id the shard that answered it first (it gives the first answer back).</summary>
    private int PlaceShard(in EngineCommand c)
    {
        var shard = ShardRouting.ShardOfAsset(c.Asset, Shards);
        if (c.ClientOrderId == 0)
        {
            return shard;
        }

        if (_clientOrderIds.TryGet(c.Account, c.ClientOrderId, out var first, out _))
        {
            return (int)first;
        }

        _clientOrderIds.Remember(c.Account, c.ClientOrderId, shard, Reason.None);
        return shard;
    }

    /// <summary>What a buy (or an amend) takes to its shard: its hold at a known limit, all that is available otherwise; never more than available.</summary>
    private long Need(int account, long limit, long quantity)
    {
        if (account < 0 || account >= _known.Length || !_known[account] || quantity <= 0)
        {
            return 0;
        }

        var available = _available[account];
        if (limit <= 0)
        {
            return available;
        }

        if (quantity > long.MaxValue / limit / 2)
        {
            return 0;
        }

        var notional = limit * quantity;
        var hold = notional + (long)((Int128)notional * _feeCapBps / BpsDenominator);
        return Math.Min(available, hold);
    }

    private void Route(in EngineCommand c, int shard, long cash)
    {
        if (cash > 0)
        {
            _available[c.Account] -= cash;
        }

        ref var e = ref _events.Add(EventType.Routed, _sequence);
        (e.Account, e.Asset, e.OrderId, e.Remaining, e.Price) = (c.Account, c.Asset, c.OrderId, shard, cash);
    }

    private void Broadcast(in EngineCommand c)
    {
        for (var shard = 0; shard < Shards; shard++)
        {
            Route(c, shard, 0);
        }
    }

    private void SetAccount(in EngineCommand c)
    {
        if (c.Account is < 0 or >= MatchingEngine.MaxIndex)
        {
            Answer(c, Reason.UnknownAccount, rejected: true);
            return;
        }

        EnsureAccount(c.Account);
        _known[c.Account] = true;
        Broadcast(c);
    }

    private void SetTradingFee(in EngineCommand c)
    {
        // The same rule as the shards', so they never disagree with this stage about the cap.
        if (c.Bps < 0 || c.Bps > 5_000 || c.Bps2 < c.Bps || c.Bps2 > 10_000)
        {
            Answer(c, Reason.InvalidAmount, rejected: true);
            return;
        }

        (_feeBps, _feeCapBps) = (c.Bps, c.Bps2);
        Broadcast(c);
    }

    private void MoveCash(in EngineCommand c)
    {
        if (c.Account < 0 || c.Account >= _known.Length || !_known[c.Account])
        {
            Answer(c, Reason.UnknownAccount, rejected: true);
        }
        else if (c.Value <= 0)
        {
            Answer(c, Reason.InvalidAmount, rejected: true);
        }
        else if (c.Type == CommandType.DepositCash && c.Value > long.MaxValue / 2 - _netDeposits)
        {
            // Cash is conserved, so no balance anywhere (stage, shard, fees) exceeds all deposits less withdrawals: bounding
            // those bounds every sum the market makes, and a deposit beyond is refused, never an overflow.
            Answer(c, Reason.AmountTooLarge, rejected: true);
        }
        else if (c.Type == CommandType.WithdrawCash && _available[c.Account] < c.Value)
        {
            Answer(c, Reason.InsufficientCash, rejected: true);
        }
        else
        {
            var change = c.Type == CommandType.DepositCash ? c.Value : -c.Value;
            _available[c.Account] += change;
            _netDeposits += change;
            Answer(c, Reason.None);
        }
    }

    private void Release(in EngineCommand c)
    {
        if (c.Bps < 0 || c.Bps >= Shards || c.Account is < 0 or >= MatchingEngine.MaxIndex || c.Value < 0)
        {
            // Not one a shard gives (the host never lets a caller send one): refused, never an exception on the stage's thread.
            Answer(c, Reason.InvalidAmount, rejected: true);
            return;
        }

        EnsureAccount(c.Account);
        _available[c.Account] += c.Value;
        if (c.Source > _released[c.Bps] || (c.Source == _released[c.Bps] && c.Quantity > _releasedIndex[c.Bps]))
        {
            (_released[c.Bps], _releasedIndex[c.Bps]) = (c.Source, c.Quantity);
        }
    }

    private void Answer(in EngineCommand c, Reason reason, bool rejected = false)
    {
        ref var e = ref _events.Add(rejected ? EventType.Rejected : EventType.Applied, _sequence);
        (e.Account, e.Asset, e.Reason, e.Quantity, e.Price) = (c.Account, c.Asset, reason, c.Quantity, c.Value);
    }

    private void EnsureAccount(int account)
    {
        if (account < _known.Length)
        {
            return;
        }

        var size = _known.Length;
        while (size <= account)
        {
            size *= 2;
        }

        Array.Resize(ref _available, size);
        Array.Resize(ref _known, size);
    }
}
