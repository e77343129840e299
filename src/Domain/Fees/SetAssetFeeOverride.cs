using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Fees;

/// <summary>Sets (or clears, with nulls) an asset's fee overrides. Audited with the values before and after.</summary>
public sealed record SetAssetFeeOverride(string ActorId, AssetId AssetId, int? PrimaryCommissionBps, int? DistributionFeeBps, int? ManagementFeeBps) : ICommand<Result<AssetId>>;

public sealed class SetAssetFeeOverrideValidator : IValidator<SetAssetFeeOverride>
{
    public IReadOnlyList<FieldError> Validate(SetAssetFeeOverride message) =>
        new FieldErrors()
            .When(message.PrimaryCommissionBps is < 0 or > FeeSchedule.MaxPrimaryCommissionBps, nameof(message.PrimaryCommissionBps), "The primary commission must be between 0% and 50%.")
            .When(message.DistributionFeeBps is < 0 or > 2_000, nameof(message.DistributionFeeBps), "The distribution fee must be between 0% and 20%.")
            .When(message.ManagementFeeBps is < 0 or > 1_000, nameof(message.ManagementFeeBps), "The management fee must be between 0% and 10% per year.")
            .Errors;
}

public sealed class SetAssetFeeOverrideHandler(IAssetRepository assets, IFeeScheduleRepository fees, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SetAssetFeeOverride, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(SetAssetFeeOverride command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null)
        {
            return Error.NotFound("asset.missing", "No such asset.");
        }

        var now = clock.GetUtcNow();
        var existing = await fees.OverrideForUpdateAsync(command.AssetId, cancellationToken);
        var before = existing?.Describe() ?? "schedule";
        if (existing is null)
        {
            existing = new AssetFeeOverride(command.AssetId, command.PrimaryCommissionBps, command.DistributionFeeBps, command.ManagementFeeBps, command.ActorId, now);
            fees.AddOverride(existing);
        }
        else
        {
            existing.Change(command.PrimaryCommissionBps, command.DistributionFeeBps, command.ManagementFeeBps, command.ActorId, now);
        }

        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.ActorId, AuditActions.FeesOverride, asset.Id.Value, asset.Name, before, existing.Describe(), null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return asset.Id;
    }
}
