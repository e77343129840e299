using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>An executed distribution with every line and the chain operations that paid it.</summary>
public sealed record GetDistribution(Guid DistributionId) : IQuery<Result<DistributionView>>;

public sealed record DistributionView(Distribution Distribution, string AssetName, IReadOnlyList<ChainOperationView> Operations);

/// <summary>Any signed-in user may read a distribution: its lines are what anyone can verify on chain.</summary>
public sealed class GetDistributionHandler(IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor) : IQueryHandler<GetDistribution, Result<DistributionView>>
{
    public async ValueTask<Result<DistributionView>> Handle(GetDistribution query, CancellationToken cancellationToken)
    {
        var distribution = await distributions.FindAsync(query.DistributionId, cancellationToken);
        if (distribution is null)
        {
            return Error.NotFound("distribution.missing", "No such distribution.");
        }

        var asset = await assets.FindAsync(distribution.AssetId, cancellationToken);
        return new DistributionView(distribution, asset?.Name ?? "", await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(distribution.Id), cancellationToken));
    }
}
