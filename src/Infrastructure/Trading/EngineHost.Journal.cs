using System.Diagnostics;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

public sealed partial class EngineHost
{
    /// <summary>The journal thread: writes each batch the engine hands over, then tells its commands' sinks (acknowledged, or failed with the journal's error).</summary>
    private void JournalLoop()
    {
        while (true)
        {
            var batch = Interlocked.Exchange(ref _toWrite, null);
            if (batch is null)
            {
                if (_stopping && Volatile.Read(ref _toWrite) is null && !_engineThread.IsAlive)
                {
                    return;
                }

                _journalWake.Wait(5);
                _journalWake.Reset();
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            Exception? failed = null;
            try
            {
                if (_fault is not null)
                {
                    throw _fault;
                }

                _store.AppendAsync(new JournalAppend(Stream, Epoch, batch.FirstSequence, batch.LastSequence, batch.BaseTimestamp, batch.Count,
                    CommandCodec.Checksum(batch.Payload.AsSpan(0, batch.Length)), batch.Payload.AsMemory(0, batch.Length)), CancellationToken.None).GetAwaiter().GetResult();
                Interlocked.Exchange(ref _durable, batch.LastSequence);
                SaveSnapshotIfDurable();
                var took = Stopwatch.GetElapsedTime(started);
                (Commits, CommitTime) = (Commits + 1, CommitTime + took);
                LongestCommit = took > LongestCommit ? took : LongestCommit;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Not known to be durable (a commit whose answer was lost may still be in the journal: replay will say).
                failed = ex;
                _fault ??= ex;
            }

            for (var i = 0; i < batch.Entries.Count; i++)
            {
                var entry = batch.Entries[i];
                if (entry.Sink is not { } sink)
                {
                    continue;
                }

                try
                {
                    if (failed is null)
                    {
                        sink.Acknowledge(entry.Command, batch.Events.AsSpan(entry.FirstEvent, entry.EventCount), entry.State, entry.Submitted);
                    }
                    else
                    {
                        sink.Fail(entry.Command, failed, entry.State);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Trace.TraceError($"An acknowledgement sink threw: {ex}");
                }
            }

            batch.Reset();
            _free.Enqueue(batch);
            _engineWake.Set();
        }
    }
}
