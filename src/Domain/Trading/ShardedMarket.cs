namespace TokenPlatform.Domain.Trading;

/// <summary>
/// An <see cref="AccountStage"/> and its shards applied one after the other on one thread: each command goes through
/// the stage, then to the shards it was routed to, and the cash they hand back returns to the stage before the next
/// command. This is the order the hosted pipeline keeps per stream (there each stage has its own thread and journal,
/// and cash comes back a moment later); here it is exact, so tests can compare it with one engine and the benchmarks
/// can measure what routing costs. <see cref="Events"/> holds what the outside sees (global ids, no routing or releases).
/// </summary>
public sealed class ShardedMarket
{
    private readonly MatchingEngine[] _shards;
    private readonly long[] _shardSequences;
    private readonly EventBuffer _events = new();
    private readonly EngineEvent[] _routed = new EngineEvent[ShardRouting.MaxShards];
    private EngineEvent[] _releases = new EngineEvent[64];
    private long _sequence;

    public ShardedMarket(int shards, Func<MatchingEngine>? shardFactory = null)
    {
        Stage = new AccountStage(shards);
        _shards = new MatchingEngine[shards];
        _shardSequences = new long[shards];
        for (var s = 0; s < shards; s++)
        {
            _shards[s] = shardFactory?.Invoke() ?? new MatchingEngine(releasesCash: true);
            if (!_shards[s].ReleasesCash)
            {
                throw new ArgumentException("A shard must release its cash to the account stage.", nameof(shardFactory));
            }
        }
    }

    public AccountStage Stage { get; }

    public int Shards => _shards.Length;

    public MatchingEngine Shard(int shard) => _shards[shard];

    public EventBuffer Events => _events;

    /// <summary>Applies a command (its timestamp stamped; the sequence is this market's own) and appends what it produced to <see cref="Events"/>.</summary>
    public void Apply(in EngineCommand command)
    {
        var staged = command;
        staged.Sequence = ++_sequence;
        Stage.Apply(staged);
        var routedCount = 0;
        foreach (ref readonly var e in Stage.Events.Events)
        {
            if (e.Type == EventType.Routed)
            {
                _routed[routedCount++] = e;
            }
            else
            {
                Emit(e, staged.Sequence);
            }
        }

        Stage.Events.Clear();
        var releaseCount = 0;
        for (var i = 0; i < routedCount; i++)
        {
            var firstRelease = releaseCount;
            var shard = (int)_routed[i].Remaining;
            var forwarded = ShardRouting.ToShard(staged, _routed[i], Shards);
            forwarded.Sequence = ++_shardSequences[shard];
            var engine = _shards[shard];
            engine.Apply(forwarded);
            foreach (ref readonly var e in engine.Events.Events)
            {
                if (i > 0 && e.Type is EventType.Applied or EventType.Rejected)
                {
                    // A command sent to every shard gets one answer (each shard checks it alike): the first shard's.
                    continue;
                }

                if (e.Type == EventType.CashReleased)
                {
                    if (releaseCount == _releases.Length)
                    {
                        Array.Resize(ref _releases, releaseCount * 2);
                    }

                    _releases[releaseCount] = e;
                    (_releases[releaseCount].Remaining, _releases[releaseCount].Quantity) = (shard, releaseCount - firstRelease);
                    releaseCount++;
                }
                else
                {
                    Emit(ShardRouting.ToOutside(e, shard, Shards), staged.Sequence);
                }
            }

            engine.Events.Clear();
        }

        for (var i = 0; i < releaseCount; i++)
        {
            ref readonly var r = ref _releases[i];
            var release = EngineCommand.ReleaseCash(r.Account, r.Price, (int)r.Remaining, r.Sequence, (int)r.Quantity);
            (release.Sequence, release.Timestamp) = (++_sequence, command.Timestamp);
            Stage.Apply(release);
            Stage.Events.Clear();
        }
    }

    private void Emit(in EngineEvent e, long sequence)
    {
        ref var added = ref _events.Add(e.Type, sequence);
        added = e;
        added.Sequence = sequence;
    }

    /// <summary>An account's cash as one engine would show it: available on the stage, held by open buys on the shards.</summary>
    public AccountBalance Cash(int account)
    {
        long reserved = 0;
        foreach (var shard in _shards)
        {
            reserved += shard.Cash(account).CashReserved;
        }

        return new AccountBalance(Stage.Available(account), reserved);
    }

    public PositionBalance Fractions(int asset, int account) => _shards[ShardRouting.ShardOfAsset(asset, Shards)].Fractions(asset, account);
}
