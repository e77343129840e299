using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace TokenPlatform.Web.Components.Shared;

/// <summary>The signed-in user's id as the server knows it (from the auth cookie, never from input).</summary>
internal static class CurrentUser
{
    public static async Task<string> IdAsync(Task<AuthenticationState> state)
    {
        var user = (await state).User;
        return user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The page is authorized but no user id is present.");
    }
}
