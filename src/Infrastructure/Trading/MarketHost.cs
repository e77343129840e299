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
public sealed partial class MarketHost : IAsyncDisposable
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
}
