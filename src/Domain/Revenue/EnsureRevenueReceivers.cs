using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// Gives every live asset whose stream exists a deposit address (run by the chain sync worker): the
/// address is recorded and its receiver queued for creation in one commit; the chain's confirmation of
/// the creation is recorded on the receiver (<see cref="RevenueReceiver.DeployedAt"/>). A creation the chain refused
/// (or that failed for good) is queued again, at most every few minutes and a few times, so an asset is
/// never left without a working deposit address because of one bad moment.
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
    /// <summary>How many times a failed creation is queued again, and how long after its last failure.</summary>
    public const int MaxRetries = 5;

    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(2);

    private static long _lastRetryScanTicks = DateTimeOffset.MinValue.UtcTicks;

    public async ValueTask<int> Handle(EnsureRevenueReceivers command, CancellationToken cancellationToken)
    {
        var all = await receivers.ListAsync(cancellationToken);
        var known = all.Select(r => r.AssetId).ToHashSet();
        var added = 0;
        var now = clock.GetUtcNow();
        // Receivers not yet confirmed, and failed creations, are looked at every half minute per process (new ones every pass).
        var scan = now - new DateTimeOffset(Interlocked.Read(ref _lastRetryScanTicks), TimeSpan.Zero) >= TimeSpan.FromSeconds(30);
        if (scan)
        {
            Interlocked.Exchange(ref _lastRetryScanTicks, now.UtcTicks);
        }

        foreach (var receiver in await receivers.ListUndeployedAsync(cancellationToken))
        {
            // A receiver just added is watched every pass (its deposit address becomes ready at once); an older one with the retry scan.
            if (!scan && now - receiver.CreatedAt > TimeSpan.FromMinutes(10))
            {
                continue;
            }

            var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.Receiver(receiver.AssetId), cancellationToken);
            if (ops.FirstOrDefault(o => o.Status == ChainOperationStatus.Confirmed) is { } deployed)
            {
                added += receiver.RecordDeployed(deployed.UpdatedAt) ? 1 : 0;
            }
            else if (scan && ops.Count > 0 && ops.Count <= MaxRetries && ops.All(o => o.Status is ChainOperationStatus.Failed or ChainOperationStatus.Cancelled)
                && now - ops.Max(o => o.UpdatedAt) >= RetryAfter)
            {
                await outbox.EnqueueAsync(new CreateRevenueReceiverOnChain(receiver.AssetId.Value, receiver.OnChainTokenId, receiver.StreamId),
                    OperationKeys.ReceiverRetry(receiver.AssetId, ops.Count), cancellationToken);
                added++;
            }
        }

        foreach (var summary in await assets.ListByStatusAsync(AssetStatus.Live, 1_000, cancellationToken))
        {
            if (known.Contains(summary.Id) || await assets.FindAsync(summary.Id, cancellationToken) is not { OnChainTokenId: { } tokenId, StreamId: { } streamId } asset)
            {
                continue;
            }

            var address = await chain.ReceiverAddressAsync(tokenId, cancellationToken);
            receivers.Add(new RevenueReceiver(asset.Id, tokenId, streamId, address, clock.GetUtcNow()));
            await outbox.EnqueueAsync(new CreateRevenueReceiverOnChain(asset.Id.Value, tokenId, streamId), OperationKeys.Receiver(asset.Id), cancellationToken);
            added++;
        }

        if (added > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return added;
    }
}
