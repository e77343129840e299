using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

public sealed record SubmitAssetForReview(string IssuerId, AssetId AssetId) : ICommand<Result<AssetId>>;

public sealed class SubmitAssetForReviewHandler(IAssetRepository assets, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SubmitAssetForReview, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(SubmitAssetForReview command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var submitted = loaded.Value.SubmitForReview(clock.GetUtcNow());
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return loaded.Value.Id;
    }
}
