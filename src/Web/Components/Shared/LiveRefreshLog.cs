namespace TokenPlatform.Web.Components.Shared;

internal static partial class LiveRefreshLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A live refresh failed; the next one runs as planned.")]
    public static partial void TickFailed(ILogger logger, Exception exception);
}
