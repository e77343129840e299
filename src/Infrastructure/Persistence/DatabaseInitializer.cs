using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Identity;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations (after adopting a database of the squashed pre-release chain) and makes sure the roles exist. Runs once at start.</summary>
public sealed class DatabaseInitializer(AppDbContext db, RoleManager<IdentityRole> roles, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await SquashedMigrations.AdoptAsync(db, cancellationToken))
        {
            logger.LogInformation("Recorded the squashed Initial migration in place of the pre-release chain on {Provider}", db.Database.ProviderName);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
