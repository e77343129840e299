using Mediator;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Counts for the admin dashboard.</summary>
public sealed record GetPlatformOverview : IQuery<PlatformOverview>;

public sealed record PlatformOverview(IReadOnlyDictionary<string, int> UsersByRole, IReadOnlyDictionary<AssetStatus, int> AssetsByStatus);

public sealed class GetPlatformOverviewHandler(IUserDirectory users, IAssetRepository assets) : IQueryHandler<GetPlatformOverview, PlatformOverview>
{
    public async ValueTask<PlatformOverview> Handle(GetPlatformOverview query, CancellationToken cancellationToken) =>
        new(await users.CountByRoleAsync(cancellationToken), await assets.CountByStatusAsync(cancellationToken));
}
