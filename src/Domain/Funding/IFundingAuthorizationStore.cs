namespace TokenPlatform.Domain.Funding;

public interface IFundingAuthorizationStore
{
    void Add(FundingAuthorization authorization);

    /// <summary>The user's authorization in force, if any (tracked by the unit of work).</summary>
    Task<FundingAuthorization?> FindActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Tracked by the unit of work.</summary>
    Task<FundingAuthorization?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The user's authorizations, newest first.</summary>
    Task<IReadOnlyList<FundingAuthorization>> ListAsync(string userId, int take, CancellationToken cancellationToken);
}
