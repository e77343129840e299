using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>One command on its way through a <see cref="MarketHost"/>: who to tell, and the events gathered from the stages it reached (pooled).</summary>
internal sealed class MarketRoute
{
    private EngineEvent[] _events = new EngineEvent[16];

    public IAckSink Sink = null!;
    public object? State;
    public EngineCommand Original;

    /// <summary>The command as the account stage sequenced it (what the caller is told).</summary>
    public EngineCommand Command;
    public long Submitted;
    public bool Broadcast;
    public int Pending;
    public Exception? Error;

    public int Count { get; private set; }

    public ReadOnlySpan<EngineEvent> Events => _events.AsSpan(0, Count);

    public void Add(in EngineEvent e, long sequence)
    {
        if (Count == _events.Length)
        {
            Array.Resize(ref _events, Count * 2);
        }

        _events[Count] = e;
        _events[Count++].Sequence = sequence;
    }

    public void Reset()
    {
        (Sink, State, Error, Count, Pending, Broadcast) = (null!, null, null, 0, 0, false);
    }
}
