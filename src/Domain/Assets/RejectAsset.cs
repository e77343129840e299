using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

public sealed record RejectAsset(AssetId AssetId, string Reason, string ActorId = "system") : ICommand<Result<AssetId>>;

public sealed class RejectAssetValidator : IValidator<RejectAsset>
{
    public IReadOnlyList<FieldError> Validate(RejectAsset message) =>
        new FieldErrors().Required(message.Reason, nameof(message.Reason), "The reason").Length(message.Reason, 5, 1000, nameof(message.Reason), "The reason").Errors;
}

public sealed class RejectAssetHandler(IAssetRepository assets, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<RejectAsset, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(RejectAsset command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null)
        {
            return Error.NotFound("asset.missing", "No such asset.");
        }

        var now = clock.GetUtcNow();
        var rejected = asset.Reject(command.Reason, now);
        if (!rejected.IsSuccess)
        {
            return rejected.Error!;
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ActorId, Compliance.AuditActions.AssetReject, asset.Id.Value, asset.Name, "in review", "rejected", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return asset.Id;
    }
}
