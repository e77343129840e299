using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Web.Setup;

/// <summary>Marks approved assets live once their on-chain creation is confirmed.</summary>
internal sealed class AssetSyncWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger<AssetSyncWorker> logger)
    : PollingWorker(scopes, options, addresses, logger)
{
    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ISender>().Send(new SyncAssetsWithChain(), cancellationToken);
}
