using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Runs outbox passes until the app stops. Several instances (processes) may run against one PostgreSQL database.</summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (addresses.IsKnown)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogPassFailed(logger, ex);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; retrying on the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
