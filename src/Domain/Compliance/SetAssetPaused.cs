using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Pauses (or resumes) every transfer of an asset on chain. Audited.</summary>
public sealed record SetAssetPaused(string ActorId, AssetId AssetId, bool Paused, string Reason) : ICommand<Result<Guid>>;

public sealed class SetAssetPausedValidator : IValidator<SetAssetPaused>
{
    public IReadOnlyList<FieldError> Validate(SetAssetPaused message) => ComplianceRules.Reason(message.Reason).Errors;
}

public sealed class SetAssetPausedHandler(IAssetRepository assets, IChainOutbox outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SetAssetPaused, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SetAssetPaused command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset?.OnChainTokenId is not { } tokenId)
        {
            return Error.NotFound("asset.missing", "No such asset on chain.");
        }

        var now = clock.GetUtcNow();
        var op = await outbox.EnqueueAsync(new SetAssetPausedOnChain(asset.Id.Value, tokenId, command.Paused), OperationKeys.Compliance("pause", Guid.CreateVersion7()), cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.ActorId, command.Paused ? AuditActions.AssetPause : AuditActions.AssetUnpause, asset.Id.Value,
            asset.Name, command.Paused ? "transfers allowed" : "paused", command.Paused ? "paused" : "transfers allowed", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}
