using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Distributions;

public interface IDistributionPolicyStore
{
    void Add(DistributionPolicy policy);

    /// <summary>Tracked by the unit of work.</summary>
    Task<DistributionPolicy?> FindAsync(AssetId assetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DistributionPolicy>> ListAutomaticAsync(CancellationToken cancellationToken);
}
