using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Fees;

/// <summary>
/// Per-asset exceptions to the schedule (a negotiated commission, a fee holiday). A null field means
/// "the schedule in force". Changing it never alters a purchase already accepted.
/// </summary>
public sealed class AssetFeeOverride
{
    private AssetFeeOverride()
    {
        SetBy = "";
    }

    public AssetFeeOverride(AssetId assetId, int? primaryCommissionBps, int? distributionFeeBps, int? managementFeeBps, string setBy, DateTimeOffset setAt)
    {
        AssetId = assetId;
        PrimaryCommissionBps = primaryCommissionBps;
        DistributionFeeBps = distributionFeeBps;
        ManagementFeeBps = managementFeeBps;
        SetBy = setBy;
        SetAt = setAt;
    }

    public AssetId AssetId { get; private set; }

    public int? PrimaryCommissionBps { get; private set; }

    public int? DistributionFeeBps { get; private set; }

    public int? ManagementFeeBps { get; private set; }

    public string SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public void Change(int? primaryCommissionBps, int? distributionFeeBps, int? managementFeeBps, string setBy, DateTimeOffset setAt) =>
        (PrimaryCommissionBps, DistributionFeeBps, ManagementFeeBps, SetBy, SetAt) = (primaryCommissionBps, distributionFeeBps, managementFeeBps, setBy, setAt);

    public string Describe() =>
        $"commission {Text(PrimaryCommissionBps)}; distribution {Text(DistributionFeeBps)}; management {Text(ManagementFeeBps)}/yr";

    private static string Text(int? bps) => bps is { } b ? BasisPoints.Create(b).Value.ToString() : "schedule";
}

/// <summary>The fees that apply to one asset: the schedule in force, with the asset's overrides on top.</summary>
public sealed record EffectiveFees(FeeSchedule Schedule, BasisPoints PrimaryCommission, BasisPoints DistributionFee, BasisPoints ManagementFeePerYear, bool Overridden)
{
    public static EffectiveFees Of(FeeSchedule schedule, AssetFeeOverride? assetOverride)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new EffectiveFees(
            schedule,
            assetOverride?.PrimaryCommissionBps is { } c ? BasisPoints.Create(c).Value : schedule.PrimaryCommission,
            assetOverride?.DistributionFeeBps is { } d ? BasisPoints.Create(d).Value : schedule.DistributionFee,
            assetOverride?.ManagementFeeBps is { } m ? BasisPoints.Create(m).Value : schedule.ManagementFeePerYear,
            assetOverride is not null && (assetOverride.PrimaryCommissionBps ?? assetOverride.DistributionFeeBps ?? assetOverride.ManagementFeeBps) is not null);
    }
}

public static class FeeScheduleRepositoryExtensions
{
    public static async Task<EffectiveFees> EffectiveForAsync(this IFeeScheduleRepository fees, AssetId assetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return EffectiveFees.Of(await fees.InForceAsync(at, cancellationToken), await fees.OverrideAsync(assetId, cancellationToken));
    }
}

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

public sealed record AssetFeeOverrideView(AssetId AssetId, string AssetName, AssetFeeOverride Override);

public sealed record ListAssetFeeOverrides : IQuery<IReadOnlyList<AssetFeeOverrideView>>;

public sealed class ListAssetFeeOverridesHandler(IFeeScheduleRepository fees, IAssetRepository assets) : IQueryHandler<ListAssetFeeOverrides, IReadOnlyList<AssetFeeOverrideView>>
{
    public async ValueTask<IReadOnlyList<AssetFeeOverrideView>> Handle(ListAssetFeeOverrides query, CancellationToken cancellationToken)
    {
        var views = new List<AssetFeeOverrideView>();
        foreach (var o in await fees.OverridesAsync(cancellationToken))
        {
            views.Add(new AssetFeeOverrideView(o.AssetId, (await assets.FindAsync(o.AssetId, cancellationToken))?.Name ?? "", o));
        }

        return views;
    }
}
