namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// A journal stream's owner and end: the writer of the current epoch appends after <see cref="LastSequence"/>;
/// opening the stream again (a restart, another node taking the shard over) raises the epoch and fences the old writer.
/// </summary>
public sealed class JournalOwner
{
    public int Stream { get; set; }

    public long Epoch { get; set; }

    public long LastSequence { get; set; }
}
