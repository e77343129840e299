using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>Rebuilds an engine from its journal: every batch checked (checksum, no gap), every command applied in order.</summary>
public static class JournalReplay
{
    public readonly record struct Replayed(long LastSequence, long LastTimestamp, long Commands);

    /// <summary>Sees each replayed command with its events (recovery of a sharded market collects what crossed between streams).</summary>
    public delegate void Observer(in EngineCommand command, ReadOnlySpan<EngineEvent> events);

    /// <param name="afterSequence">Where the engine already is (a snapshot's sequence, the last of a batch): replay starts with the next batch.</param>
    public static async Task<Replayed> ApplyAsync(IJournalStore store, int stream, ISequencedStage engine, long expectedLast, CancellationToken cancellationToken,
        Observer? observe = null, long afterSequence = 0, long afterTimestamp = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(engine);
        long last = afterSequence, timestamp = afterTimestamp, commands = 0;
        await foreach (var batch in store.ReadAsync(stream, afterSequence, cancellationToken))
        {
            if (batch.FirstSequence != last + 1 || batch.LastSequence - batch.FirstSequence + 1 != batch.Count)
            {
                throw new InvalidDataException($"Journal stream {stream}: batch {batch.FirstSequence}..{batch.LastSequence} does not follow sequence {last}.");
            }

            if (CommandCodec.Checksum(batch.Payload) != batch.Checksum)
            {
                throw new InvalidDataException($"Journal stream {stream}: batch {batch.FirstSequence}..{batch.LastSequence} fails its checksum.");
            }

            var offset = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                offset += CommandCodec.Read(batch.Payload.AsSpan(offset), batch.BaseTimestamp, batch.FirstSequence + i, out var command);
                engine.Apply(command);
                observe?.Invoke(command, engine.Events.Events);
                engine.Events.Clear();
                timestamp = command.Timestamp;
            }

            if (offset != batch.Payload.Length)
            {
                throw new InvalidDataException($"Journal stream {stream}: batch {batch.FirstSequence}..{batch.LastSequence} holds {batch.Payload.Length - offset} bytes beyond its commands.");
            }

            (last, commands) = (batch.LastSequence, commands + batch.Count);
        }

        if (last != expectedLast)
        {
            throw new InvalidDataException($"Journal stream {stream} ends at {last}, but its owner row says {expectedLast}.");
        }

        return new Replayed(last, timestamp, commands);
    }
}
