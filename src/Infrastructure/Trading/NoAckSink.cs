using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>For commands the market sends itself (cash released by a shard): nobody waits for them, and a restart resends what did not arrive.</summary>
internal sealed class NoAckSink : IAckSink
{
    public static readonly NoAckSink Instance = new();

    public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
    {
    }

    public void Fail(in EngineCommand command, Exception error, object? state)
    {
    }
}
