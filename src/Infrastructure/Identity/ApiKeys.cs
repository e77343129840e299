using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Identity;

/// <summary>An API key for machine access (revenue ingestion). Only a SHA-256 of the key is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The public part shown in lists and used to find the key ("tpk_" + 10 hex characters).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.UserId).HasMaxLength(64);
        builder.Property(k => k.Name).HasMaxLength(80);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.HasIndex(k => k.UserId);
    }
}

/// <summary>
/// Issues, lists, revokes and checks API keys. A key is 256 random bits shown once at creation; the
/// database keeps its SHA-256 (a fast hash is right for high-entropy secrets) and compares in constant time.
/// </summary>
public sealed class ApiKeyService(AppDbContext db, TimeProvider clock)
{
    private const string Scheme = "tpk_";

    public async Task<(ApiKeyView Key, string Secret)?> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > 80)
        {
            return null;
        }

        var prefix = Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = $"{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = trimmed,
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (View(key), secret);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<ApiKey>().AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken)).Select(View).ToList();

    /// <summary>Revokes one of the user's keys; false when the user has no such key.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user a presented key belongs to, or null (unknown, malformed or revoked).</summary>
    public async Task<string?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Scheme, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }

        var separator = presented.IndexOf('_', Scheme.Length);
        if (separator < 0)
        {
            return null;
        }

        var prefix = presented[..separator];
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || key.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(Hash(presented))))
        {
            return null;
        }

        // A key acts as its user: a locked-out user, or one who is no longer an issuer or creator, loses it too.
        var now = clock.GetUtcNow();
        var active = await db.Users.AnyAsync(u => u.Id == key.UserId && (u.LockoutEnd == null || u.LockoutEnd <= now), cancellationToken)
            && await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == key.UserId && (r.Name == Domain.Common.Roles.Issuer || r.Name == Domain.Common.Roles.Creator)
                      select ur).AnyAsync(cancellationToken);
        if (!active)
        {
            return null;
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return key.UserId;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyView View(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt, k.LastUsedAt);
}
