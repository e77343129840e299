using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Runs outbox passes until the app stops. Several instances (processes) may run against one PostgreSQL database.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger<OutboxWorker> logger)
    : PollingWorker(scopes, options, addresses, logger)
{
    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxProcessor>().RunOnceAsync(cancellationToken);
}
