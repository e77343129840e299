using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Tests.Shared;

/// <summary>A fee repository for unit and component tests: one schedule in force (replaceable) and an optional override.</summary>
public sealed class FixedFees : IFeeScheduleRepository
{
    public FeeSchedule Current { get; set; } = FeeSchedule.Default(DateTimeOffset.UtcNow);

    public AssetFeeOverride? Override { get; set; }

    public Task<FeeSchedule> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(Current);

    public Task<AssetFeeOverride?> OverrideAsync(AssetId assetId, CancellationToken cancellationToken) => Task.FromResult(Override);

    public Task<AssetFeeOverride?> OverrideForUpdateAsync(AssetId assetId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void AddOverride(AssetFeeOverride assetOverride) => throw new NotSupportedException();

    public Task<IReadOnlyList<AssetFeeOverride>> OverridesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Add(FeeSchedule schedule) => throw new NotSupportedException();

    public Task<IReadOnlyList<FeeSchedule>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<FeeSchedule?> InForceNotOnChainAsync(DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();
}
