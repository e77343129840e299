using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Web.Setup;

/// <summary>Brings the business records up to what the chain confirmed: assets go live, purchases settle.</summary>
internal sealed class ChainSyncWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger<ChainSyncWorker> logger)
    : PollingWorker(scopes, options, addresses, logger)
{
    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sender = services.GetRequiredService<ISender>();
        await sender.Send(new SyncAssetsWithChain(), cancellationToken);
        await sender.Send(new Domain.Investors.SyncPurchasesWithChain(), cancellationToken);
        await sender.Send(new Domain.Distributions.SyncDistributionsWithChain(), cancellationToken);
        await sender.Send(new Domain.Revenue.EnsureRevenueReceivers(), cancellationToken);
        await sender.Send(new Domain.Distributions.RunDueDistributions(), cancellationToken);
        await sender.Send(new Domain.Fees.SyncFeeSchedulesWithChain(), cancellationToken);
    }
}
