using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>Told of each command once it is durable, with the events it produced (valid only during the call).</summary>
public interface IAckSink
{
    void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp);

    /// <summary>The journal refused or failed the command's batch: it is not durable and never will be from this host.</summary>
    void Fail(in EngineCommand command, Exception error, object? state);
}
