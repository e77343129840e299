using Microsoft.EntityFrameworkCore;

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
