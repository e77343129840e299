using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Brings the business records up to what the chain confirmed (assets go live, purchases settle,
/// distributions complete), gives assets their deposit addresses and runs due distributions. Each step
/// runs on its own: one that fails is logged and does not hold back the others.
/// </summary>
internal sealed partial class ChainSyncWorker(IServiceScopeFactory scopes, ChainOptions options, ContractAddressesProvider addresses, ILogger<ChainSyncWorker> logger)
    : PollingWorker(scopes, options, addresses, logger)
{
    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sender = services.GetRequiredService<ISender>();
        await StepAsync(nameof(SyncAssetsWithChain), () => sender.Send(new SyncAssetsWithChain(), cancellationToken).AsTask());
        await StepAsync("SyncPurchasesWithChain", () => sender.Send(new Domain.Investors.SyncPurchasesWithChain(), cancellationToken).AsTask());
        await StepAsync("SyncDistributionsWithChain", () => sender.Send(new Domain.Distributions.SyncDistributionsWithChain(), cancellationToken).AsTask());
        await StepAsync("EnsureRevenueReceivers", () => sender.Send(new Domain.Revenue.EnsureRevenueReceivers(), cancellationToken).AsTask());
        await StepAsync("RunDueDistributions", () => sender.Send(new Domain.Distributions.RunDueDistributions(), cancellationToken).AsTask());
        await StepAsync("SyncFeeSchedulesWithChain", () => sender.Send(new Domain.Fees.SyncFeeSchedulesWithChain(), cancellationToken).AsTask());
    }

    private async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStepFailed(logger, name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain sync step {Step} failed; the other steps ran, it is retried on the next pass")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception exception);
}
