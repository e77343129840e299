using Mediator;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Funding;

/// <summary>The user's standing authorizations, newest first (the one in force, if any, is the first).</summary>
public sealed record GetFundingAuthorizations(string UserId, int Take = 10) : IQuery<IReadOnlyList<FundingAuthorizationView>>;

public sealed class GetFundingAuthorizationsHandler(IFundingAuthorizationStore authorizations, IChainMonitor monitor, TimeProvider clock)
    : IQueryHandler<GetFundingAuthorizations, IReadOnlyList<FundingAuthorizationView>>
{
    public async ValueTask<IReadOnlyList<FundingAuthorizationView>> Handle(GetFundingAuthorizations query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var views = new List<FundingAuthorizationView>();
        foreach (var a in await authorizations.ListAsync(query.UserId, Math.Clamp(query.Take, 1, 50), cancellationToken))
        {
            views.Add(await FundingAuthorizationView.OfAsync(a, monitor, now, cancellationToken));
        }

        return views;
    }
}
