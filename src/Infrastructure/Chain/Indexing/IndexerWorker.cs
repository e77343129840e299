using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>Runs the indexer continuously and, once it has caught up, the reconciler every 30 seconds.</summary>
public sealed class IndexerWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, TimeProvider clock, ILogger<IndexerWorker> logger)
    : PollingWorker(scopes, options, addresses, logger)
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(30);
    private DateTimeOffset _lastReconcile = DateTimeOffset.MinValue;

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<EventIndexer>().RunOnceAsync(cancellationToken);
        await services.GetRequiredService<DepositIndexer>().RunOnceAsync(cancellationToken);
        if (applied == 0 && clock.GetUtcNow() - _lastReconcile > ReconcileEvery)
        {
            await services.GetRequiredService<Reconciler>().RunOnceAsync(cancellationToken);
            _lastReconcile = clock.GetUtcNow();
        }
    }
}
