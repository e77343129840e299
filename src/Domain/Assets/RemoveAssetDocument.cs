using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

public sealed record RemoveAssetDocument(string IssuerId, AssetId AssetId, Guid DocumentId) : ICommand<Result<AssetId>>;

public sealed class RemoveAssetDocumentHandler(IAssetRepository assets, IDocumentStore store, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RemoveAssetDocument, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(RemoveAssetDocument command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var key = loaded.Value.Documents.FirstOrDefault(d => d.Id == command.DocumentId)?.StorageKey;
        var removed = loaded.Value.RemoveDocument(command.DocumentId, clock.GetUtcNow());
        if (!removed.IsSuccess)
        {
            return removed.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (key is not null)
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        return loaded.Value.Id;
    }
}
