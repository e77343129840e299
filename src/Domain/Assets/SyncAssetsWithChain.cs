using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>Marks approved assets live once the chain confirmed their creation (run by a background worker).</summary>
public sealed record SyncAssetsWithChain : ICommand<int>;

public sealed class SyncAssetsWithChainHandler(IAssetRepository assets, IChainOutbox outbox, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SyncAssetsWithChain, int>
{
    public async ValueTask<int> Handle(SyncAssetsWithChain command, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var asset in await assets.ListAwaitingChainAsync(100, cancellationToken))
        {
            var creation = await outbox.FindAsync(asset.CreationOperationId!.Value, cancellationToken);
            if (creation is { Status: ChainOperationStatus.Confirmed, Result: { } result } && TokenIdOf(result) is { } tokenId
                && asset.MarkLive(tokenId, clock.GetUtcNow()).IsSuccess)
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private static long? TokenIdOf(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(CreateAssetOnChain.TokenIdKey, out var id) ? id.GetInt64() : null;
    }
}
