using Mediator;

namespace TokenPlatform.Domain.Investors;

/// <summary>The admin's KYC queue.</summary>
public sealed record ListKycApplications(KycStatus? Status = KycStatus.Pending) : IQuery<IReadOnlyList<KycQueueItem>>;

public sealed class ListKycApplicationsHandler(IInvestorStore store) : IQueryHandler<ListKycApplications, IReadOnlyList<KycQueueItem>>
{
    public async ValueTask<IReadOnlyList<KycQueueItem>> Handle(ListKycApplications query, CancellationToken cancellationToken) =>
        await store.ListKycAsync(query.Status, 500, cancellationToken);
}
