namespace TokenPlatform.Domain.Fees;

/// <summary>Fee schedule versions.</summary>
public interface IFeeScheduleRepository
{
    /// <summary>The version in force at <paramref name="at"/>; seeds the default when none exists.</summary>
    Task<FeeSchedule> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken);

    void Add(FeeSchedule schedule);

    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<FeeSchedule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Versions in force (effective up to <paramref name="at"/>) whose on-chain parameters are not queued yet (tracked).</summary>
    Task<FeeSchedule?> InForceNotOnChainAsync(DateTimeOffset at, CancellationToken cancellationToken);

    Task<AssetFeeOverride?> OverrideAsync(Assets.AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Tracked, to change it in the current unit of work.</summary>
    Task<AssetFeeOverride?> OverrideForUpdateAsync(Assets.AssetId assetId, CancellationToken cancellationToken);

    void AddOverride(AssetFeeOverride assetOverride);

    Task<IReadOnlyList<AssetFeeOverride>> OverridesAsync(CancellationToken cancellationToken);
}
