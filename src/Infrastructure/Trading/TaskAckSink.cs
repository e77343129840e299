using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>Completes the <see cref="TaskCompletionSource{TResult}"/> passed as state with a copy of the command's events, or its failure.</summary>
internal sealed class TaskAckSink : IAckSink
{
    public static readonly TaskAckSink Instance = new();

    public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp) =>
        ((TaskCompletionSource<EngineEvent[]>)state!).TrySetResult(events.ToArray());

    public void Fail(in EngineCommand command, Exception error, object? state) =>
        ((TaskCompletionSource<EngineEvent[]>)state!).TrySetException(error);
}
