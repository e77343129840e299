namespace TokenPlatform.Domain.Compliance;

/// <summary>Read access to the platform's accounts (identity lives in Infrastructure).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, int>> CountByRoleAsync(CancellationToken cancellationToken);

    Task<string?> FindUserIdByEmailAsync(string email, CancellationToken cancellationToken);
}

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt);
