using System.Diagnostics;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

public sealed partial class EngineHost
{
    /// <summary>How often to snapshot (commands) and how to read a snapshot back into a stage.</summary>
    public sealed record SnapshotPolicy(long Every, Func<Stream, ISequencedStage> Read);

    /// <summary>
    /// On the engine thread, at a batch's end: the state through the batch just handed to the journal, saved once that
    /// batch is durable (a snapshot never holds a command the journal could lose). The engine waits while it is written.
    /// </summary>
    private void TakeSnapshotIfDue()
    {
        if (_snapshots is null || _sequence - _snapshotAt < _snapshots.Every || Volatile.Read(ref _snapshotToSave) is not null || Volatile.Read(ref _snapshotSaving) != 0)
        {
            return;
        }

        using var buffer = new MemoryStream();
        _engine.WriteSnapshot(buffer);
        _snapshotAt = _sequence;
        Volatile.Write(ref _snapshotToSave, new SnapshotRow { Stream = Stream, Sequence = _sequence, Timestamp = _lastTimestamp, Payload = buffer.ToArray() });
    }

    /// <summary>On the journal thread after a commit: a waiting snapshot whose commands are now durable goes to the store, beside the journal.</summary>
    private void SaveSnapshotIfDurable()
    {
        if (Volatile.Read(ref _snapshotToSave) is not { } row || row.Sequence > Interlocked.Read(ref _durable) || Interlocked.Exchange(ref _snapshotSaving, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _snapshotToSave, null);
        _ = Task.Run(async () =>
        {
            try
            {
                await _store.SaveSnapshotAsync(row, CancellationToken.None);
                Interlocked.Exchange(ref _lastSnapshot, row.Sequence);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A lost snapshot costs a longer replay, nothing else: the journal holds every command.
                Trace.TraceError($"Snapshot {row.Sequence} of stream {Stream} was not stored: {ex.Message}");
            }
            finally
            {
                Volatile.Write(ref _snapshotSaving, 0);
            }
        });
    }
}
