using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>
/// Records on each approved asset what the chain confirmed (run by a background worker): its creation (the
/// token id; the asset goes live), its revenue stream (the stream id) and its offering's opening. Use cases
/// read these facts from the asset, never from the outbox rows.
/// </summary>
public sealed record SyncAssetsWithChain : ICommand<int>;

public sealed class SyncAssetsWithChainHandler(IAssetRepository assets, IChainOutbox outbox, IChainMonitor monitor, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SyncAssetsWithChain, int>
{
    /// <summary>
    /// Assets read per pass. Those waiting are the ones just approved and those whose step failed for good
    /// (until an admin retries it): all of them fit, so one stuck asset never hides another.
    /// </summary>
    public const int AwaitingLimit = 10_000;

    public async ValueTask<int> Handle(SyncAssetsWithChain command, CancellationToken cancellationToken)
    {
        var changed = 0;
        var now = clock.GetUtcNow();
        foreach (var asset in await assets.ListAwaitingChainAsync(AwaitingLimit, cancellationToken))
        {
            var recorded = false;
            if (asset.Status == AssetStatus.Approved && await outbox.FindAsync(asset.CreationOperationId!.Value, cancellationToken) is { Status: ChainOperationStatus.Confirmed } creation
                && ChainResults.Read<AssetCreatedResult>(creation.Result) is { } created)
            {
                recorded |= asset.MarkLive(created.AssetTokenId, now).IsSuccess;
            }

            if (asset.StreamId is null && Confirmed(await monitor.ListByKeyPrefixAsync(OperationKeys.AssetSplit(asset.Id), cancellationToken)) is { } split
                && ChainResults.Read<StreamCreatedResult>(split.Result) is { } stream)
            {
                recorded |= asset.RecordStream(stream.StreamId, now);
            }

            if (asset.OfferingOpenedAt is null && Confirmed(await monitor.ListByKeyPrefixAsync(OperationKeys.AssetOffering(asset.Id), cancellationToken)) is { } offering)
            {
                recorded |= asset.RecordOfferingOpened(offering.UpdatedAt, now);
            }

            changed += recorded ? 1 : 0;
        }

        if (changed > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private static ChainOperationView? Confirmed(IReadOnlyList<ChainOperationView> operations) =>
        operations.FirstOrDefault(o => o.Status == ChainOperationStatus.Confirmed);
}
