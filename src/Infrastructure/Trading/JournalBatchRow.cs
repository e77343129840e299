namespace TokenPlatform.Infrastructure.Trading;

/// <summary>One group commit: the encoded commands with sequences first..last, their base time and a checksum.</summary>
public sealed class JournalBatchRow
{
    public int Stream { get; set; }

    public long FirstSequence { get; set; }

    public long LastSequence { get; set; }

    public long Epoch { get; set; }

    public long BaseTimestamp { get; set; }

    public int Count { get; set; }

    public long Checksum { get; set; }

    public byte[] Payload { get; set; } = [];
}
