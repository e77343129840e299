using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.ApiKeys;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Identity;

/// <summary>API keys in the <c>api_keys</c> table; the owner check reads the Identity users and roles.</summary>
internal sealed class ApiKeyStore(AppDbContext db) : IApiKeyStore
{
    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        db.Add(new ApiKey
        {
            Id = key.Id,
            UserId = key.UserId,
            Name = key.Name,
            Prefix = key.Prefix,
            SecretHash = key.SecretHash,
            CreatedAt = key.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<ApiKey>().AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken))
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt, k.LastUsedAt)).ToList();

    public async Task<bool> RevokeAsync(string userId, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<StoredApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        await db.Set<ApiKey>().AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new StoredApiKey(k.Id, k.UserId, k.Name, k.Prefix, k.SecretHash, k.CreatedAt, k.RevokedAt, k.LastUsedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task MarkUsedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, cancellationToken) is { } key)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<bool> OwnerMayUseKeysAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now), cancellationToken)
        && await (from ur in db.UserRoles
                  join r in db.Roles on ur.RoleId equals r.Id
                  where ur.UserId == userId && (r.Name == Domain.Common.Roles.Issuer || r.Name == Domain.Common.Roles.Creator)
                  select ur).AnyAsync(cancellationToken);
}
