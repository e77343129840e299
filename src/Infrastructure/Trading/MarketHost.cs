using System.Collections.Concurrent;
using System.Diagnostics;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// The market over N shards, each stage on its own threads with its own journal stream (ADR 0009): the
/// <see cref="AccountStage"/> (stream <c>accountStream</c>) sequences every command, holds cash for buys and routes;
/// once its batch is durable, each command goes to its shard (streams <c>accountStream + 1 + s</c>), which matches it;
/// once the shard's batch is durable the caller hears the answer, and the cash the shard released goes back to the
/// account stage as a journaled command. Every crossing is recorded on the receiving stream with where it came
/// from (<see cref="EngineCommand.Source"/>), so a restart replays each stream and then resends exactly what had not
/// arrived: the stage's routed commands after a shard's last source, the shard's releases after the stage's cursor.
/// Commands in flight are bounded (<see cref="MaxInFlight"/>): beyond it a command is refused, not queued without end.
/// </summary>
public sealed class MarketHost : IAsyncDisposable
{
    public const int MaxInFlight = 1 << 16;

    /// <summary>Routed commands kept while replaying the stage, to resend to a shard that had not journaled them (more than can be in flight).</summary>
    private const int RecoveryWindow = 4 * MaxInFlight;

    private readonly ConcurrentQueue<MarketRoute> _routes = new();
    private readonly IJournalStore[] _stores;
    private readonly EngineHost[] _shards;
    private readonly StageSink _stageSink;
    private readonly ShardSink[] _shardSinks;
    private EngineHost _stage = null!;
    private int _inFlight;
    private volatile bool _stopping;

    private MarketHost(int shards)
    {
        _stores = new IJournalStore[shards + 1];
        _shards = new EngineHost[shards];
        _stageSink = new StageSink(this);
        _shardSinks = new ShardSink[shards];
        for (var s = 0; s < shards; s++)
        {
            _shardSinks[s] = new ShardSink(this, s);
        }
    }

    public int Shards => _shards.Length;

    /// <summary>The streams' figures, the account stage's first (its hosts stay inside: a command sent past the stage would be cash from nothing).</summary>
    public StreamStatistics[] Statistics() => [_stage.Statistics(), .. _shards.Select(s => s.Statistics())];

    /// <summary>A stage whose journal failed: the market takes nothing more until it is restarted (replay is the only right state).</summary>
    public Exception? Fault => _stage.Fault ?? _shards.Select(s => s.Fault).FirstOrDefault(f => f is not null);

    /// <summary>What recovery resent at start: routed commands to shards, and releases back to the account stage.</summary>
    public (int Forwards, int Releases) Recovered { get; private set; }

    /// <summary>Takes the streams over, replays each, resends what had not crossed, and starts.</summary>
    public static async Task<MarketHost> StartAsync(Func<IJournalStore> storeFactory, int shards, TimeProvider clock, int accountStream = 1000,
        Func<MatchingEngine>? shardFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeFactory);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shards, ShardRouting.MaxShards);
        var market = new MarketHost(shards);
        try
        {
            await market.RecoverAsync(storeFactory, accountStream, clock, shardFactory, cancellationToken);
            return market;
        }
        catch
        {
            await market.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues a command (any thread); the sink hears of it once every stream it touched holds it durably.</summary>
    public void Submit(in EngineCommand command, IAckSink sink, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_stopping)
        {
            sink.Fail(command, new ObjectDisposedException(nameof(MarketHost), "The market is stopping."), state);
            return;
        }

        if (Fault is { } fault)
        {
            sink.Fail(command, fault, state);
            return;
        }

        if (command.Type == CommandType.ReleaseCash)
        {
            // Only a shard gives cash back: from outside this would be money from nothing.
            sink.Fail(command, new ArgumentException("Released cash comes from the market's shards, never from a caller.", nameof(command)), state);
            return;
        }

        if (Interlocked.Increment(ref _inFlight) > MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            sink.Fail(command, new MarketBusyException(MaxInFlight), state);
            return;
        }

        if (!_routes.TryDequeue(out var route))
        {
            route = new MarketRoute();
        }

        (route.Sink, route.State, route.Original, route.Command, route.Submitted) = (sink, state, command, command, Stopwatch.GetTimestamp());
        _stage.Submit(command, _stageSink, route);
    }

    public Task<EngineEvent[]> SubmitAsync(EngineCommand command)
    {
        var completion = new TaskCompletionSource<EngineEvent[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Submit(command, TaskAckSink.Instance, completion);
        return completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        // Let what is in flight finish its way through the stages (bounded: a failed journal never finishes it).
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (Volatile.Read(ref _inFlight) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(1);
        }

        if (_stage is not null)
        {
            await _stage.DisposeAsync();
        }

        foreach (var shard in _shards)
        {
            if (shard is not null)
            {
                await shard.DisposeAsync();
            }
        }

        foreach (var store in _stores)
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
    }

    private async Task RecoverAsync(Func<IJournalStore> storeFactory, int accountStream, TimeProvider clock, Func<MatchingEngine>? shardFactory, CancellationToken cancellationToken)
    {
        var shards = _shards.Length;
        var routed = new Queue<(EngineCommand Command, EngineEvent Routed)>();
        var droppedThrough = new long[shards];
        var stage = new AccountStage(shards);
        _stores[0] = storeFactory();
        _stage = await EngineHost.StartAsync(_stores[0], accountStream, clock, stage, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
        {
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    routed.Enqueue((c, e));
                }
            }

            while (routed.Count > RecoveryWindow)
            {
                var (dropped, to) = routed.Dequeue();
                droppedThrough[to.Remaining] = dropped.Sequence;
            }
        }, cancellationToken: cancellationToken);

        var releases = new List<EngineCommand>();
        var lastSource = new long[shards];
        for (var s = 0; s < shards; s++)
        {
            var shard = s;
            var (releasedSequence, releasedIndex) = stage.ReleasedThrough(shard);
            var engine = shardFactory?.Invoke() ?? new MatchingEngine(releasesCash: true);
            if (!engine.ReleasesCash)
            {
                throw new ArgumentException("A shard must release its cash to the account stage.", nameof(shardFactory));
            }

            _stores[1 + s] = storeFactory();
            _shards[s] = await EngineHost.StartAsync(_stores[1 + s], accountStream + 1 + s, clock, engine, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
            {
                lastSource[shard] = Math.Max(lastSource[shard], c.Source);
                var index = 0;
                foreach (ref readonly var e in events)
                {
                    if (e.Type != EventType.CashReleased)
                    {
                        continue;
                    }

                    if (c.Sequence > releasedSequence || (c.Sequence == releasedSequence && index > releasedIndex))
                    {
                        releases.Add(EngineCommand.ReleaseCash(e.Account, e.Price, shard, c.Sequence, index));
                    }

                    index++;
                }
            }, cancellationToken: cancellationToken);
        }

        // Releases first: once a shard has a resent command, its new releases follow these on the stage's queue, in order.
        foreach (var release in releases)
        {
            _stage.Submit(release, NoAckSink.Instance, null);
        }

        var forwards = 0;
        foreach (var (command, to) in routed)
        {
            var s = (int)to.Remaining;
            if (command.Sequence <= lastSource[s])
            {
                continue;
            }

            if (droppedThrough[s] > lastSource[s])
            {
                throw new InvalidDataException($"Shard {s} journaled the account stage up to {lastSource[s]}, but commands up to {droppedThrough[s]} are beyond recovery's window.");
            }

            _shards[s].Submit(ShardRouting.ToShard(command, to, shards), _shardSinks[s], null);
            forwards++;
        }

        for (var s = 0; s < shards; s++)
        {
            // Also for a shard none of whose missing commands is still in the window.
            if (droppedThrough[s] > lastSource[s])
            {
                throw new InvalidDataException($"Shard {s} journaled the account stage up to {lastSource[s]}, but commands up to {droppedThrough[s]} are beyond recovery's window.");
            }
        }

        Recovered = (forwards, releases.Count);
    }

    private void Complete(MarketRoute route)
    {
        Interlocked.Decrement(ref _inFlight);
        try
        {
            if (route.Error is { } error)
            {
                route.Sink.Fail(route.Original, error, route.State);
            }
            else
            {
                route.Sink.Acknowledge(route.Command, route.Events, route.State, route.Submitted);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Trace.TraceError($"An acknowledgement sink threw: {ex}");
        }

        route.Reset();
        _routes.Enqueue(route);
    }

    /// <summary>The account stage's batch is durable: answer what ended there, send the rest on to its shards.</summary>
    private sealed class StageSink(MarketHost market) : IAckSink
    {
        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            if (state is not MarketRoute route)
            {
                return;
            }

            route.Command = command;
            var routed = 0;
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    routed++;
                }
                else
                {
                    route.Add(e, command.Sequence);
                }
            }

            if (routed == 0)
            {
                market.Complete(route);
                return;
            }

            (route.Broadcast, route.Pending) = (routed > 1, routed);
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    var shard = (int)e.Remaining;
                    market._shards[shard].Submit(ShardRouting.ToShard(command, e, market.Shards), market._shardSinks[shard], route);
                }
            }
        }

        public void Fail(in EngineCommand command, Exception error, object? state)
        {
            if (state is MarketRoute route)
            {
                route.Error = error;
                market.Complete(route);
            }
        }
    }

    /// <summary>A shard's batch is durable: its released cash goes back to the account stage, its events to the command's caller.</summary>
    private sealed class ShardSink(MarketHost market, int shard) : IAckSink
    {
        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            var index = 0;
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.CashReleased)
                {
                    market._stage.Submit(EngineCommand.ReleaseCash(e.Account, e.Price, shard, command.Sequence, index++), NoAckSink.Instance, null);
                }
            }

            if (state is not MarketRoute route)
            {
                return;
            }

            lock (route)
            {
                foreach (ref readonly var e in events)
                {
                    if (e.Type == EventType.CashReleased || (route.Broadcast && shard != 0 && e.Type is EventType.Applied or EventType.Rejected))
                    {
                        continue;
                    }

                    route.Add(ShardRouting.ToOutside(e, shard, market.Shards), route.Command.Sequence);
                }
            }

            if (Interlocked.Decrement(ref route.Pending) == 0)
            {
                market.Complete(route);
            }
        }

        public void Fail(in EngineCommand command, Exception error, object? state)
        {
            if (state is MarketRoute route)
            {
                lock (route)
                {
                    route.Error ??= error;
                }

                if (Interlocked.Decrement(ref route.Pending) == 0)
                {
                    market.Complete(route);
                }
            }
        }
    }
}
