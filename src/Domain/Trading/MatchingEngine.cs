namespace TokenPlatform.Domain.Trading;

/// <summary>
/// The market's deterministic state machine: books (price-time priority), the accounts' cash and fractions
/// with their reservations, eligibility, bands and the circuit breaker. No I/O, no clock, no floating point:
/// the same commands always give the same events and the same <see cref="StateHash"/>. One thread owns it.
/// Money is in stablecoin minor units; fees and royalties are rounded down (never more than the reservation).
/// </summary>
public sealed partial class MatchingEngine
{
    private const long BpsDenominator = 10_000;

    /// <summary>Accounts and assets are dense indexes below this (the gateway assigns them); a larger one is refused, never grown to.</summary>
    public const int MaxIndex = 1 << 24;

    private readonly OrderPool _orders;
    private readonly LevelPool _levels = new();
    private readonly EventBuffer _events = new();
    private readonly ExpiryHeap _expiries = new();
    private readonly PairMap _positionIndex = new(4096);
    private readonly ClientOrderIds _clientOrderIds;

    // Accounts, by dense index.
    private long[] _cashAvailable = new long[64];
    private long[] _cashReserved = new long[64];
    private long[] _verifiedUntil = new long[64];
    private bool[] _frozen = new bool[64];
    private bool[] _known = new bool[64];
    private int[] _accountOrders = Filled(64, -1);

    // Positions per (asset, account), in the order they were first touched.
    private long[] _fractionsAvailable = new long[1024];
    private long[] _fractionsReserved = new long[1024];
    private long[] _openBuys = new long[1024];
    private int[] _positionAsset = new int[1024];
    private int[] _positionAccount = new int[1024];
    private int _positionCount;

    // Assets, by dense index.
    private AssetMarket[] _assets = new AssetMarket[16];

    private long _now;
    private long _sequence;
    private long _tradeCount;
    private int _feeBps;
    private int _feeCapBps;

    public MatchingEngine(int orderCapacity = 1 << 16, int clientOrderIdMemory = 1 << 16)
    {
        _orders = new OrderPool(orderCapacity);
        _clientOrderIds = new ClientOrderIds(clientOrderIdMemory);
    }

    /// <summary>The events of the commands applied since the caller last cleared them.</summary>
    public EventBuffer Events => _events;

    public long LastSequence => _sequence;

    public long TradeCount => _tradeCount;

    /// <summary>Trading fees earned (both sides), in minor units.</summary>
    public long FeesCollected { get; private set; }

    public int OpenOrders => _orders.Count;

    /// <summary>Applies one command (its sequence and timestamp already stamped) and appends its events to <see cref="Events"/>.</summary>
    public void Apply(in EngineCommand command)
    {
        _sequence = command.Sequence;
        if (command.Timestamp > _now)
        {
            _now = command.Timestamp;
        }

        switch (command.Type)
        {
            case CommandType.Place:
                Place(command);
                break;
            case CommandType.Cancel:
                CancelByUser(command);
                break;
            case CommandType.CancelAll:
                CancelAll(command);
                break;
            case CommandType.Amend:
                Amend(command);
                break;
            case CommandType.ListAsset:
                ListAsset(command);
                break;
            case CommandType.SetMarketStatus:
                SetMarketStatus(command.Asset, command.Value is >= (long)MarketStatus.Closed and <= (long)MarketStatus.Paused ? (MarketStatus)command.Value : (MarketStatus)byte.MaxValue, Reason.None);
                break;
            case CommandType.SetAccount:
                SetAccount(command);
                break;
            case CommandType.DepositCash:
            case CommandType.WithdrawCash:
                MoveCash(command);
                break;
            case CommandType.CreditFractions:
            case CommandType.DebitFractions:
                MoveFractions(command);
                break;
            case CommandType.SetTradingFee:
                SetTradingFee(command);
                break;
            case CommandType.Tick:
                ExpireDue();
                Applied(command, Reason.None);
                break;
            default:
                Applied(command, Reason.InvalidAmount, rejected: true);
                break;
        }
    }

    private void Applied(in EngineCommand command, Reason reason, bool rejected = false)
    {
        ref var e = ref _events.Add(rejected ? EventType.Rejected : EventType.Applied, _sequence);
        e.Account = command.Account;
        e.Asset = command.Asset;
        e.Reason = reason;
        e.Quantity = command.Quantity;
        e.Price = command.Value;
    }

    private bool IsEligible(int account) => account >= 0 && account < _known.Length && _known[account] && !_frozen[account] && _verifiedUntil[account] > _now;

    private ref AssetMarket Market(int asset) => ref _assets[asset];

    private bool IsListed(int asset) => asset >= 0 && asset < _assets.Length && _assets[asset].Listed;

    private int Position(int asset, int account)
    {
        if (_positionIndex.TryGet(asset, account, out var index))
        {
            return index;
        }

        if (_positionCount == _fractionsAvailable.Length)
        {
            var size = _positionCount * 2;
            Array.Resize(ref _fractionsAvailable, size);
            Array.Resize(ref _fractionsReserved, size);
            Array.Resize(ref _openBuys, size);
            Array.Resize(ref _positionAsset, size);
            Array.Resize(ref _positionAccount, size);
        }

        index = _positionCount++;
        (_positionAsset[index], _positionAccount[index]) = (asset, account);
        _positionIndex.Set(asset, account, index);
        return index;
    }

    private void EnsureAccount(int account)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, MaxIndex);
        if (account < _known.Length)
        {
            return;
        }

        var size = _known.Length;
        while (size <= account)
        {
            size *= 2;
        }

        var old = _accountOrders.Length;
        Array.Resize(ref _cashAvailable, size);
        Array.Resize(ref _cashReserved, size);
        Array.Resize(ref _verifiedUntil, size);
        Array.Resize(ref _frozen, size);
        Array.Resize(ref _known, size);
        Array.Resize(ref _accountOrders, size);
        Array.Fill(_accountOrders, -1, old, size - old);
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }

    /// <summary>Cash a buy of this quantity at this limit holds: the notional and the largest fee the on-chain cap allows.</summary>
    private long Reservation(long limit, long quantity)
    {
        var notional = checked(limit * quantity);
        return checked(notional + (long)((Int128)notional * _feeCapBps / BpsDenominator));
    }

    private static long Share(long notional, int bps) => (long)((Int128)notional * bps / BpsDenominator);
}
