namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// A stage's state after command <see cref="Sequence"/> of its stream (the last of a group commit, saved once that
/// commit was durable), with the time it had reached: restart reads it and replays only the journal after it.
/// </summary>
public sealed class SnapshotRow
{
    public int Stream { get; set; }

    public long Sequence { get; set; }

    public long Timestamp { get; set; }

    public byte[] Payload { get; set; } = [];
}
