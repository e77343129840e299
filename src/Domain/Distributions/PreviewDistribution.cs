using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// The preview (API and page): every line a distribution would pay, nothing executed. Gross defaults to
/// the revenue not yet distributed, record time to now, the period to "since the last distribution".
/// </summary>
public sealed record PreviewDistribution(string UserId, AssetId AssetId, Money? Gross = null, DateTimeOffset? RecordTime = null, DateTimeOffset? PeriodStart = null, DateTimeOffset? PeriodEnd = null)
    : IQuery<Result<DistributionPlan>>;

public sealed class PreviewDistributionHandler(DistributionPlanner planner) : IQueryHandler<PreviewDistribution, Result<DistributionPlan>>
{
    public async ValueTask<Result<DistributionPlan>> Handle(PreviewDistribution query, CancellationToken cancellationToken) =>
        await planner.PlanAsync(query.UserId, query.AssetId, query.Gross, query.RecordTime, query.PeriodStart, query.PeriodEnd, cancellationToken);
}
