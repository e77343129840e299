using Microsoft.AspNetCore.Identity;
using TokenPlatform.Infrastructure.Identity;

namespace TokenPlatform.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Logout is a POST with an antiforgery token, so a link on another site cannot sign a user out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/Account/Logout", async (SignInManager<ApplicationUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("~/Account/Login");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}
