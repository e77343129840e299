using Mediator;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin).WithTags("Admin").ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/users", ListUsers).WithName("ListUsers").ProducesValidationProblem();
        admin.MapGet("/overview", Overview).WithName("GetPlatformOverview");
        admin.MapChainAdminEndpoints();
        admin.MapAdminOperationsEndpoints();
    }

    private static async Task<IResult> ListUsers(ISender sender, CancellationToken ct, int skip = 0, int take = 50) =>
        (await sender.Send(new ListUsers(skip, take), ct)).ToHttp(users => TypedResults.Ok(users));

    private static async Task<IResult> Overview(ISender sender, CancellationToken ct)
    {
        var overview = await sender.Send(new GetPlatformOverview(), ct);
        return TypedResults.Ok(new
        {
            usersByRole = overview.UsersByRole,
            assetsByStatus = overview.AssetsByStatus.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
        });
    }
}
