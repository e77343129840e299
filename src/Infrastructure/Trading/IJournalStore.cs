namespace TokenPlatform.Infrastructure.Trading;

/// <summary>A group commit on its way to the journal: commands first..last of one stream, encoded.</summary>
public readonly record struct JournalAppend(int Stream, long Epoch, long FirstSequence, long LastSequence, long BaseTimestamp, int Count, long Checksum, ReadOnlyMemory<byte> Payload);

/// <summary>
/// Where the engine's commands become durable. A stream has one writer at a time: <see cref="OpenAsync"/>
/// raises its epoch, and an append carrying an older epoch (or leaving a gap) is refused, so a writer that
/// lost the stream can never add to it.
/// </summary>
public interface IJournalStore : IAsyncDisposable
{
    /// <summary>Takes the stream over: its new epoch and its last durable sequence.</summary>
    Task<(long Epoch, long LastSequence)> OpenAsync(int stream, CancellationToken cancellationToken);

    /// <summary>Makes one batch durable (returns once committed and synced); throws <see cref="StaleJournalWriterException"/> when fenced.</summary>
    Task AppendAsync(JournalAppend batch, CancellationToken cancellationToken);

    /// <summary>The stream's batches after a sequence, in order.</summary>
    IAsyncEnumerable<JournalBatchRow> ReadAsync(int stream, long afterSequence, CancellationToken cancellationToken);

    /// <summary>Stores a snapshot (its commands already durable) and forgets all but the newest two of the stream; on its own connection, beside the writer's.</summary>
    Task SaveSnapshotAsync(SnapshotRow snapshot, CancellationToken cancellationToken);

    /// <summary>The stream's newest snapshot, or null.</summary>
    Task<SnapshotRow?> LoadSnapshotAsync(int stream, CancellationToken cancellationToken);
}

/// <summary>The journal refused a batch: another writer took the stream over (a newer epoch), or the batch does not follow the last one.</summary>
public sealed class StaleJournalWriterException(int stream, long epoch, long firstSequence)
    : Exception($"Journal stream {stream} refused the batch from sequence {firstSequence} of epoch {epoch}: another writer owns the stream, or the batch leaves a gap.")
{
    public int Stream { get; } = stream;

    public long Epoch { get; } = epoch;
}
