namespace TokenPlatform.Domain.Common;

/// <summary>The platform's roles. A user may hold several; Admin is never self-assigned.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Issuer = "Issuer";
    public const string Investor = "Investor";
    public const string Creator = "Creator";

    public static IReadOnlyList<string> All { get; } = [Admin, Issuer, Investor, Creator];

    /// <summary>Roles a visitor may pick when registering.</summary>
    public static IReadOnlyList<string> SelfService { get; } = [Investor, Issuer, Creator];
}
