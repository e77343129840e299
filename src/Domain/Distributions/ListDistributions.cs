using Mediator;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>The asset's distributions, newest first.</summary>
public sealed record ListDistributions(AssetId AssetId) : IQuery<IReadOnlyList<Distribution>>;

public sealed class ListDistributionsHandler(IDistributionStore distributions) : IQueryHandler<ListDistributions, IReadOnlyList<Distribution>>
{
    public async ValueTask<IReadOnlyList<Distribution>> Handle(ListDistributions query, CancellationToken cancellationToken) =>
        await distributions.ListByAssetAsync(query.AssetId, cancellationToken);
}
