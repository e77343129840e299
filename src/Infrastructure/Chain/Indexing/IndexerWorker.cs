using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>Runs the indexer continuously and the reconciler every 30 seconds.</summary>
public sealed partial class IndexerWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, TimeProvider clock, ILogger<IndexerWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (addresses.IsKnown)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var applied = await scope.ServiceProvider.GetRequiredService<EventIndexer>().RunOnceAsync(stoppingToken);
                    if (applied == 0 && clock.GetUtcNow() - lastReconcile > ReconcileEvery)
                    {
                        await scope.ServiceProvider.GetRequiredService<Reconciler>().RunOnceAsync(stoppingToken);
                        lastReconcile = clock.GetUtcNow();
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogFailed(logger, ex);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexer pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
