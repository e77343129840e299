namespace TokenPlatform.Domain.Trading;

/// <summary>
/// The market's deterministic state machine: books (price-time priority), the accounts' cash and fractions
/// with their reservations, eligibility, bands and the circuit breaker. No I/O, no clock, no floating point:
/// the same commands always give the same events and the same <see cref="StateHash"/>. One thread owns it.
/// Money is in stablecoin minor units; fees and royalties are rounded down (never more than the reservation).
/// </summary>
public sealed partial class MatchingEngine : ISequencedStage
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

    // On a shard (see AccountStage): accounts whose available cash rose during the current command, handed back after it.
    private readonly bool _releasesCash;
    private bool[] _releasePending = new bool[64];
    private int[] _releaseList = new int[64];
    private int _releaseCount;

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

    /// <param name="releasesCash">
    /// A shard behind an <see cref="AccountStage"/>: cash arrives with each buy or amend (<see cref="EngineCommand.Value"/>) and
    /// whatever an account is not holding for an open buy at the end of a command leaves as a <see cref="EventType.CashReleased"/>
    /// event, so its available cash is always 0 between commands and the account stage alone decides what an account may spend.
    /// </param>
    public MatchingEngine(int orderCapacity = 1 << 16, int clientOrderIdMemory = 1 << 16, bool releasesCash = false)
    {
        _orders = new OrderPool(orderCapacity);
        _clientOrderIds = new ClientOrderIds(clientOrderIdMemory);
        _releasesCash = releasesCash;
    }

    /// <summary>True on a shard: see the constructor.</summary>
    public bool ReleasesCash => _releasesCash;

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

        if (_releasesCash && command.Value > 0 && command.Type is CommandType.Place or CommandType.Amend)
        {
            Fund(command.Account, command.Value);
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

        if (_releaseCount > 0)
        {
            ReleaseUnheldCash();
        }
    }

    /// <summary>Cash becomes available to an account: on a shard it is handed back at the end of the command.</summary>
    private void CreditCash(int account, long amount)
    {
        _cashAvailable[account] += amount;
        if (_releasesCash && amount > 0 && !_releasePending[account])
        {
            _releasePending[account] = true;
            if (_releaseCount == _releaseList.Length)
            {
                Array.Resize(ref _releaseList, _releaseCount * 2);
            }

            _releaseList[_releaseCount++] = account;
        }
    }

    private void Fund(int account, long amount)
    {
        if (account is < 0 or >= MaxIndex)
        {
            // Never funded by the account stage; if it were, the cash goes straight back rather than vanish.
            ref var back = ref _events.Add(EventType.CashReleased, _sequence);
            (back.Account, back.Price) = (account, amount);
            return;
        }

        EnsureAccount(account);
        CreditCash(account, amount);
    }

    private void ReleaseUnheldCash()
    {
        for (var i = 0; i < _releaseCount; i++)
        {
            var account = _releaseList[i];
            _releasePending[account] = false;
            var amount = _cashAvailable[account];
            if (amount > 0)
            {
                _cashAvailable[account] = 0;
                ref var e = ref _events.Add(EventType.CashReleased, _sequence);
                (e.Account, e.Price) = (account, amount);
            }
        }

        _releaseCount = 0;
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
        Array.Resize(ref _releasePending, size);
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
