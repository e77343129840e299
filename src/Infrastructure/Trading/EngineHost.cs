using System.Collections.Concurrent;
using System.Diagnostics;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// Runs one engine (one journal stream) on its own thread: commands are sequenced, time-stamped and applied in
/// arrival order, then acknowledged with their events only once the group commit holding them is durable (the
/// journal thread writes one batch while the engine fills the next). Deterministic replay makes that safe: after
/// a crash the engine is rebuilt from the journal, and what was applied but never made durable was never told to anyone.
/// If the journal fails, the host stops taking commands: its state is ahead of the journal, so only a restart (replay) is right.
/// </summary>
public sealed partial class EngineHost : IAsyncDisposable
{
    private const int MaxBatch = 8192;

    /// <summary>How often a host started with the engine's defaults snapshots it, in commands.</summary>
    public const long DefaultSnapshotEvery = 1_000_000;

    private readonly IJournalStore _store;
    private readonly TimeProvider _clock;
    private readonly ISequencedStage _engine;
    private readonly ConcurrentQueue<Pending> _inbound = new();
    private readonly ConcurrentQueue<JournalBatch> _free = new();
    private readonly ManualResetEventSlim _engineWake = new(false, 100);
    private readonly ManualResetEventSlim _journalWake = new(false, 100);
    private readonly Thread _engineThread;
    private readonly Thread _journalThread;
    private JournalBatch _filling = new();
    private JournalBatch? _toWrite;
    private volatile bool _stopping;
    private volatile Exception? _fault;
    private long _sequence;
    private long _lastTimestamp;
    private long _durable;
    private SnapshotPolicy? _snapshots;
    private long _snapshotAt;
    private SnapshotRow? _snapshotToSave;
    private int _snapshotSaving;

    private EngineHost(IJournalStore store, int stream, long epoch, long lastSequence, ISequencedStage engine, TimeProvider clock)
    {
        (_store, Stream, Epoch, _sequence, _durable, _engine, _clock) = (store, stream, epoch, lastSequence, lastSequence, engine, clock);
        _free.Enqueue(new JournalBatch());
        _free.Enqueue(new JournalBatch());
        _engineThread = new Thread(EngineLoop) { IsBackground = true, Name = $"engine-{stream}" };
        _journalThread = new Thread(JournalLoop) { IsBackground = true, Name = $"journal-{stream}" };
    }

    public int Stream { get; }

    public long Epoch { get; }

    /// <summary>The last sequence the journal holds.</summary>
    public long DurableSequence => Interlocked.Read(ref _durable);

    public Exception? Fault => _fault;

    /// <summary>Group commits written so far, and the time spent in them (for the benchmarks: where the latency goes).</summary>
    public long Commits { get; private set; }

    public TimeSpan CommitTime { get; private set; }

    public TimeSpan LongestCommit { get; private set; }

    /// <summary>The stream's figures as of now (for benchmarks and the operations console).</summary>
    public StreamStatistics Statistics() => new(Stream, Epoch, DurableSequence, Commits, CommitTime, LongestCommit, _fault);

    /// <summary>The snapshot the host started from (0: none) and how many journaled commands it replayed after it.</summary>
    public long RestoredFrom { get; private init; }

    public long Replayed { get; private init; }

    /// <summary>The sequence of the newest snapshot this host stored (0: none yet).</summary>
    public long LastSnapshot => Interlocked.Read(ref _lastSnapshot);

    private long _lastSnapshot;

    /// <summary>Takes the stream over (a new epoch), rebuilds the engine from its journal, and starts.</summary>
    /// <param name="snapshotEvery">A snapshot after about this many commands (0: none); restart reads the newest and replays the journal after it.</param>
    public static Task<EngineHost> StartAsync(IJournalStore store, int stream, TimeProvider clock, Func<MatchingEngine>? engineFactory = null,
        long snapshotEvery = DefaultSnapshotEvery, CancellationToken cancellationToken = default) =>
        StartAsync(store, stream, clock, engineFactory?.Invoke() ?? new MatchingEngine(), null,
            snapshotEvery > 0 ? new SnapshotPolicy(snapshotEvery, s => MatchingEngine.ReadSnapshot(s)) : null, cancellationToken);

    /// <summary>
    /// Takes the stream over, rebuilds the stage (from the newest snapshot when <paramref name="snapshots"/> says how, then
    /// from the journal after it, showing each replayed command to <paramref name="observe"/>), and starts.
    /// </summary>
    public static async Task<EngineHost> StartAsync(IJournalStore store, int stream, TimeProvider clock, ISequencedStage engine, JournalReplay.Observer? observe,
        SnapshotPolicy? snapshots = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(engine);
        var (epoch, last) = await store.OpenAsync(stream, cancellationToken);
        var snapshot = snapshots is null ? null : await store.LoadSnapshotAsync(stream, cancellationToken);
        if (snapshot is not null && snapshot.Sequence <= last)
        {
            using var payload = new MemoryStream(snapshot.Payload, writable: false);
            engine = snapshots!.Read(payload);
        }
        else
        {
            snapshot = null;
        }

        var replayed = await JournalReplay.ApplyAsync(store, stream, engine, last, cancellationToken, observe, snapshot?.Sequence ?? 0, snapshot?.Timestamp ?? 0);
        var host = new EngineHost(store, stream, epoch, replayed.LastSequence, engine, clock ?? TimeProvider.System)
        {
            _lastTimestamp = replayed.LastTimestamp, _snapshots = snapshots, _snapshotAt = replayed.LastSequence, RestoredFrom = snapshot?.Sequence ?? 0, Replayed = replayed.Commands,
        };
        host._engineThread.Start();
        host._journalThread.Start();
        return host;
    }

    /// <summary>Queues a command (any thread); the sink hears of it once it is durable.</summary>
    public void Submit(in EngineCommand command, IAckSink sink, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_fault is { } fault)
        {
            sink.Fail(command, fault, state);
            return;
        }

        if (_stopping)
        {
            sink.Fail(command, new ObjectDisposedException(nameof(EngineHost), "The engine host is stopping."), state);
            return;
        }

        _inbound.Enqueue(new Pending(command, sink, state, Stopwatch.GetTimestamp()));
        _engineWake.Set();
    }

    /// <summary>Queues a command and completes with its events once it is durable.</summary>
    public Task<EngineEvent[]> SubmitAsync(EngineCommand command)
    {
        var completion = new TaskCompletionSource<EngineEvent[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Submit(command, TaskAckSink.Instance, completion);
        return completion.Task;
    }

    /// <summary>Runs a query against the engine's state on its thread (between commands), e.g. a book snapshot for a read model.</summary>
    public ulong StateHashUnsafe() => _engine.StateHash();

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _engineWake.Set();
        _journalWake.Set();
        await Task.Run(() =>
        {
            _engineThread.Join();
            _journalThread.Join();
        });
        _engineWake.Dispose();
        _journalWake.Dispose();
    }

    private void EngineLoop()
    {
        var spins = 0;
        while (!_stopping || (!_inbound.IsEmpty && _fault is null))
        {
            if (_fault is { } fault)
            {
                // The journal failed: nothing queued can become durable from this host any more.
                FailQueued(fault);
                _engineWake.Reset();
                if (!_stopping)
                {
                    _engineWake.Wait(5);
                }

                continue;
            }

            var worked = false;
            while (_filling.Count < MaxBatch && _fault is null && _inbound.TryDequeue(out var p))
            {
                Apply(p);
                worked = true;
            }

            if (_filling.Count > 0 && Volatile.Read(ref _toWrite) is null && _free.TryDequeue(out var next))
            {
                // Before the hand-over, so the commit that makes this batch durable also finds the snapshot waiting.
                TakeSnapshotIfDue();
                Volatile.Write(ref _toWrite, _filling);
                _filling = next;
                _journalWake.Set();
                worked = true;
            }

            if (worked)
            {
                spins = 0;
                continue;
            }

            if (++spins < 50)
            {
                Thread.SpinWait(20);
                continue;
            }

            _engineWake.Reset();
            if (_inbound.IsEmpty && !_stopping)
            {
                _engineWake.Wait(1);
            }
        }

        // Whatever was applied goes to the journal before the host stops.
        while (_filling.Count > 0 && _fault is null && _journalThread.IsAlive)
        {
            if (Volatile.Read(ref _toWrite) is null && _free.TryDequeue(out var next))
            {
                Volatile.Write(ref _toWrite, _filling);
                _filling = next;
                _journalWake.Set();
            }
            else
            {
                Thread.Sleep(1);
            }
        }
    }

    private void FailQueued(Exception fault)
    {
        while (_inbound.TryDequeue(out var p))
        {
            Notify(() => p.Sink.Fail(p.Command, fault, p.State));
        }
    }

    /// <summary>A sink's exception is the sink's problem: it must not stop the host or touch other commands.</summary>
    private static void Notify(Action call)
    {
        try
        {
            call();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Trace.TraceError($"An acknowledgement sink threw: {ex}");
        }
    }

    private void Apply(in Pending p)
    {
        var command = p.Command;
        command.Sequence = ++_sequence;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _lastTimestamp = Math.Max(_lastTimestamp, now);
        command.Timestamp = _lastTimestamp;
        var journaled = _filling.Encode(command);
        _engine.Apply(journaled);
        _filling.Add(journaled, p.Sink, p.State, p.Submitted, _engine.Events.Events);
        _engine.Events.Clear();
    }

    private readonly record struct Pending(EngineCommand Command, IAckSink Sink, object? State, long Submitted);
}
