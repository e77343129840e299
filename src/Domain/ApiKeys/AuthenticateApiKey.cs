using Mediator;

namespace TokenPlatform.Domain.ApiKeys;

/// <summary>
/// The user a presented key acts as, or null (malformed, unknown, revoked, or its owner locked out or no
/// longer an issuer or creator). The key is never logged: the request's text is not part of any log line.
/// </summary>
public sealed record AuthenticateApiKey(string Presented) : IQuery<string?>
{
    public override string ToString() => nameof(AuthenticateApiKey);
}

public sealed class AuthenticateApiKeyHandler(IApiKeyStore keys, TimeProvider clock) : IQueryHandler<AuthenticateApiKey, string?>
{
    /// <summary>How often a key's last use is written (not on every request).</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async ValueTask<string?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.PrefixOf(query.Presented) is not { } prefix
            || await keys.FindByPrefixAsync(prefix, cancellationToken) is not { RevokedAt: null } key
            || !ApiKeySecret.Matches(key.SecretHash, query.Presented))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (!await keys.OwnerMayUseKeysAsync(key.UserId, now, cancellationToken))
        {
            return null;
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            await keys.MarkUsedAsync(key.Id, now, cancellationToken);
        }

        return key.UserId;
    }
}
