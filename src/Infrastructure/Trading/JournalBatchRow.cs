using System.Data.Common;

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

    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    internal const string Columns = "\"FirstSequence\", \"LastSequence\", \"Epoch\", \"BaseTimestamp\", \"Count\", \"Checksum\", \"Payload\"";

    internal static JournalBatchRow Read(DbDataReader reader, int stream) => new()
    {
        Stream = stream, FirstSequence = reader.GetInt64(0), LastSequence = reader.GetInt64(1), Epoch = reader.GetInt64(2),
        BaseTimestamp = reader.GetInt64(3), Count = reader.GetInt32(4), Checksum = reader.GetInt64(5), Payload = (byte[])reader[6],
    };
}
