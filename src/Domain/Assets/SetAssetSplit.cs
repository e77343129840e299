using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>Who receives the asset's revenue (wizard step "Revenue split").</summary>
public sealed record SetAssetSplit(string IssuerId, AssetId AssetId, IReadOnlyList<SplitPayee> Payees, int HoldersBps) : ICommand<Result<AssetId>>;

public sealed class SetAssetSplitHandler(IAssetRepository assets, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SetAssetSplit, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(SetAssetSplit command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var split = RevenueSplit.Create(command.Payees ?? [], command.HoldersBps);
        if (!split.IsSuccess)
        {
            return split.Error!;
        }

        var updated = loaded.Value.SetSplit(split.Value, clock.GetUtcNow());
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return loaded.Value.Id;
    }
}
