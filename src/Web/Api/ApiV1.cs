using System.Security.Claims;

namespace TokenPlatform.Web.Api;

/// <summary>The integration API under /api/v1. Each group names its policy; nothing here is anonymous.</summary>
internal static class ApiV1
{
    public static void MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", Me).WithName("GetMe").WithSummary("The signed-in account and its roles.");
        api.MapAssetEndpoints();
        api.MapWalletEndpoints();
        api.MapInvestorEndpoints();
        api.MapRevenueEndpoints();
        api.MapDistributionEndpoints();
        endpoints.MapRevenueIngestion();
        api.MapAdminEndpoints();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList()));

    internal static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Authorized request without a user id.");
}

public sealed record MeResponse(string Id, string Email, IReadOnlyList<string> Roles);
