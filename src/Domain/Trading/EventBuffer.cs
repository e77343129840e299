namespace TokenPlatform.Domain.Trading;

/// <summary>The events of the commands applied since the last <see cref="Clear"/>: a reused array, grown only when a burst needs more.</summary>
public sealed class EventBuffer
{
    private EngineEvent[] _events = new EngineEvent[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<EngineEvent> Events => _events.AsSpan(0, Count);

    public ref EngineEvent this[int index] => ref _events[index];

    public void Clear() => Count = 0;

    internal ref EngineEvent Add(EventType type, long sequence)
    {
        if (Count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        ref var e = ref _events[Count++];
        e = default;
        e.Type = type;
        e.Sequence = sequence;
        return ref e;
    }
}
