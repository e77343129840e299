using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Identity;

/// <summary>
/// One demo account per role, created in Development only so a newcomer can log in at once.
/// The password is public (README) on purpose: these accounts never exist outside Development.
/// </summary>
public sealed class DemoUsers(UserManager<ApplicationUser> users, AppDbContext db, IWalletService wallets, TimeProvider clock, ILogger<DemoUsers> logger)
{
    public const string Password = "Demo!2345";

    public static IReadOnlyList<(string Email, string DisplayName, string Role)> Accounts { get; } =
    [
        ("admin@demo.local", "Ada Admin", Roles.Admin),
        ("issuer@demo.local", "Isaac Issuer", Roles.Issuer),
        ("investor@demo.local", "Ivy Investor", Roles.Investor),
        ("creator@demo.local", "Cleo Creator", Roles.Creator),
    ];

    public async Task SeedAsync()
    {
        foreach (var (email, name, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                await wallets.EnsureWalletAsync(existing.Id, CancellationToken.None);
                await db.SaveChangesAsync();
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
            };
            DatabaseInitializer.Check(await users.CreateAsync(user, Password), $"create demo user {email}");
            DatabaseInitializer.Check(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
            await wallets.EnsureWalletAsync(user.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            logger.LogInformation("Seeded demo {Role} account {Email}", role, email);
        }
    }
}
