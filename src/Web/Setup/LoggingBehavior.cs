using System.Diagnostics;
using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Setup;

/// <summary>Logs each use case with its outcome and duration. Message contents are not logged: they may hold personal data.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is IOutcome { IsSuccess: false, Error: { } error })
            {
                logger.LogInformation("{UseCase} refused ({Code}) in {Elapsed:F1} ms", name, error.Code, elapsed);
            }
            else
            {
                logger.LogInformation("{UseCase} handled in {Elapsed:F1} ms", name, elapsed);
            }

            return response;
        }
        catch (Exception ex) when (LogFailure(ex, name))
        {
            throw;
        }
    }

    private bool LogFailure(Exception ex, string name)
    {
        logger.LogError(ex, "{UseCase} failed", name);
        return false;
    }
}
