namespace TokenPlatform.Infrastructure.Trading;

/// <summary>More commands are on their way through the market than it takes at once: this one was refused, not queued (retry later).</summary>
public sealed class MarketBusyException(int limit)
    : Exception($"The market has {limit} commands in flight, its limit; the command was not taken.")
{
    public int Limit { get; } = limit;
}
