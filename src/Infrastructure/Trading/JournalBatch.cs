using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>A group commit being filled by the engine thread, then written by the journal thread: reused, never reallocated in steady state.</summary>
internal sealed class JournalBatch
{
    public byte[] Payload = new byte[64 * 1024];
    public int Length;
    public long BaseTimestamp;
    public long FirstSequence;
    public long LastSequence;
    public int Count => Entries.Count;
    public readonly List<Entry> Entries = new(4096);
    public EngineEvent[] Events = new EngineEvent[8192];
    public int EventCount;

    internal struct Entry
    {
        public EngineCommand Command;
        public IAckSink? Sink;
        public object? State;
        public long Submitted;
        public int FirstEvent;
        public int EventCount;
    }

    public void Reset()
    {
        Length = 0;
        EventCount = 0;
        Entries.Clear();
    }

    /// <summary>
    /// Encodes the command into the batch and gives back what the journal will replay (decoded from those very
    /// bytes): the engine applies that copy, so a field the codec does not carry can never make the live run and
    /// a replay differ.
    /// </summary>
    public EngineCommand Encode(in EngineCommand command)
    {
        if (Entries.Count == 0)
        {
            (BaseTimestamp, FirstSequence) = (command.Timestamp, command.Sequence);
        }

        LastSequence = command.Sequence;
        if (Length + CommandCodec.MaxSize > Payload.Length)
        {
            Array.Resize(ref Payload, Payload.Length * 2);
        }

        var written = CommandCodec.Write(command, BaseTimestamp, Payload.AsSpan(Length));
        CommandCodec.Read(Payload.AsSpan(Length, written), BaseTimestamp, command.Sequence, out var journaled);
        Length += written;
        return journaled;
    }

    /// <summary>Records the command just encoded, with its sink and its events.</summary>
    public void Add(in EngineCommand command, IAckSink? sink, object? state, long submitted, ReadOnlySpan<EngineEvent> events)
    {
        if (EventCount + events.Length > Events.Length)
        {
            Array.Resize(ref Events, Math.Max(Events.Length * 2, EventCount + events.Length));
        }

        events.CopyTo(Events.AsSpan(EventCount));
        Entries.Add(new Entry { Command = command, Sink = sink, State = state, Submitted = submitted, FirstEvent = EventCount, EventCount = events.Length });
        EventCount += events.Length;
    }
}
