using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Identity;

public sealed record RegisterAccount(string Email, string DisplayName, string Password, string Role);

/// <summary>Creates an account with one self-service role. Admin can never be chosen at registration.</summary>
/// <remarks>The account, its role and its custodial wallet are created in one database transaction.</remarks>
public sealed class AccountRegistration(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    IWalletService wallets,
    TimeProvider clock,
    ILogger<AccountRegistration> logger)
{
    public async Task<Result<string>> RegisterAsync(RegisterAccount request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors()
            .Required(request.DisplayName, nameof(request.DisplayName), "Your name")
            .Length(request.DisplayName, 2, 80, nameof(request.DisplayName), "Your name")
            .When(!Roles.SelfService.Contains(request.Role), nameof(request.Role), "Choose investor, issuer or creator.");
        if (errors.Errors.Count > 0)
        {
            return Result<string>.Invalid(errors.Errors);
        }

        var user = new ApplicationUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Result<string>.Invalid(created.Errors.Select(ToField).ToList());
        }

        DatabaseInitializer.Check(await users.AddToRoleAsync(user, request.Role), $"add the new account to {request.Role}");
        var address = await wallets.EnsureWalletAsync(user.Id, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Registered account {UserId} as {Role} with wallet {Address}", user.Id, request.Role, address);
        return user.Id;
    }

    private static FieldError ToField(IdentityError error) => error.Code switch
    {
        var c when c.StartsWith("Password", StringComparison.Ordinal) => new FieldError(nameof(RegisterAccount.Password), error.Description),
        "DuplicateUserName" => new FieldError(nameof(RegisterAccount.Email), "An account with this email already exists."),
        "DuplicateEmail" => new FieldError(nameof(RegisterAccount.Email), "An account with this email already exists."),
        "InvalidEmail" or "InvalidUserName" => new FieldError(nameof(RegisterAccount.Email), "Enter a valid email address."),
        _ => new FieldError("", error.Description),
    };
}
