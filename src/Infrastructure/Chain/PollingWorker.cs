using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>
/// A background loop that runs one pass in a fresh DI scope every <see cref="ChainOptions.PollMilliseconds"/>
/// once the contracts are known; a failing pass is logged and retried, never fatal.
/// </summary>
public abstract partial class PollingWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger logger)
    : BackgroundService
{
    protected abstract Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (addresses.IsKnown)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunPassAsync(scope.ServiceProvider, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogPassFailed(logger, GetType().Name, ex);
                }
            }

            try
            {
                await Task.Delay(options.PollMilliseconds, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} pass failed; retrying on the next pass")]
    private static partial void LogPassFailed(ILogger logger, string worker, Exception exception);
}
