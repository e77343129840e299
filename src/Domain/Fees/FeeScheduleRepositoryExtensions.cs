using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Fees;

public static class FeeScheduleRepositoryExtensions
{
    public static async Task<EffectiveFees> EffectiveForAsync(this IFeeScheduleRepository fees, AssetId assetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return EffectiveFees.Of(await fees.InForceAsync(at, cancellationToken), await fees.OverrideAsync(assetId, cancellationToken));
    }
}
