using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// Gives every live asset whose stream exists a deposit address (run by the chain sync worker): the
/// address is recorded and its receiver queued for creation in one commit.
/// </summary>
public sealed record EnsureRevenueReceivers : ICommand<int>;

public sealed class EnsureRevenueReceiversHandler(
    IAssetRepository assets,
    IRevenueReceiverStore receivers,
    IDepositAddressReader chain,
    IChainMonitor monitor,
    IChainOutbox outbox,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<EnsureRevenueReceivers, int>
{
    public async ValueTask<int> Handle(EnsureRevenueReceivers command, CancellationToken cancellationToken)
    {
        var known = (await receivers.ListAsync(cancellationToken)).Select(r => r.AssetId).ToHashSet();
        var added = 0;
        foreach (var summary in await assets.ListByStatusAsync(AssetStatus.Live, 1_000, cancellationToken))
        {
            if (known.Contains(summary.Id) || await assets.FindAsync(summary.Id, cancellationToken) is not { OnChainTokenId: { } tokenId } asset
                || await DistributionExecutor.StreamIdAsync(monitor, asset.Id, cancellationToken) is not { } streamId)
            {
                continue;
            }

            var address = await chain.ReceiverAddressAsync(tokenId, cancellationToken);
            receivers.Add(new RevenueReceiver(asset.Id, tokenId, streamId, address, clock.GetUtcNow()));
            await outbox.EnqueueAsync(new CreateRevenueReceiverOnChain(asset.Id.Value, tokenId, streamId), RevenueReceiver.ReceiverKey(asset.Id), cancellationToken);
            added++;
        }

        if (added > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return added;
    }
}
