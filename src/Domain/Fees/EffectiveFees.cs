using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Fees;

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
