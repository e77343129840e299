using Microsoft.AspNetCore.Authorization;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Setup;

/// <summary>Role policies, one per role; pages and endpoints name a policy, never a bare role string.</summary>
public static class Policies
{
    public const string Admin = "role:admin";
    public const string Issuer = "role:issuer";
    public const string Investor = "role:investor";
    public const string Creator = "role:creator";

    /// <summary>Issuers and creators: the people who record an asset's revenue.</summary>
    public const string RevenueRecorder = "role:issuer-or-creator";

    /// <summary>Machine clients authenticated by an API key (never by the cookie).</summary>
    public const string ApiKey = "scheme:api-key";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(Issuer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Issuer));
        options.AddPolicy(Investor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Investor));
        options.AddPolicy(Creator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Creator));
        options.AddPolicy(RevenueRecorder, p => p.RequireAuthenticatedUser().RequireRole(Roles.Issuer, Roles.Creator));
        options.AddPolicy(ApiKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        // Anything that forgets to declare a policy still requires a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
