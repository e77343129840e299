namespace TokenPlatform.Domain.ApiKeys;

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>A stored key: its hash, never the key itself.</summary>
public sealed record StoredApiKey(Guid Id, string UserId, string Name, string Prefix, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Where API keys are kept (each call saves).</summary>
public interface IApiKeyStore
{
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>The user's keys, newest first.</summary>
    Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Revokes one of the user's keys (once; a revoked key stays revoked); false when the user has no such key.</summary>
    Task<bool> RevokeAsync(string userId, Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    Task MarkUsedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The key's owner may still act through it: not locked out, still an issuer or a creator.</summary>
    Task<bool> OwnerMayUseKeysAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);
}
