using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

internal static class ChainAdminEndpoints
{
    public static void MapChainAdminEndpoints(this RouteGroupBuilder admin)
    {
        var chain = admin.MapGroup("/chain").WithTags("Admin");
        chain.MapGet("/operations", List).WithName("ListChainOperations");
        chain.MapPost("/operations/{id:guid}/retry", Retry).WithName("RetryChainOperation").ProducesProblem(StatusCodes.Status409Conflict);
        chain.MapGet("/reconciliation", Reconciliation).WithName("GetReconciliation");
    }

    private static async Task<IResult> List(ISender sender, CancellationToken ct, ChainOperationStatus? status = null, int take = 100) =>
        TypedResults.Ok(await sender.Send(new ListChainOperations(status, take), ct));

    private static async Task<IResult> Retry(Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetryChainOperation(id, user.UserId()), ct)).ToHttp(_ => TypedResults.Accepted($"/api/v1/admin/chain/operations/{id}"));

    private static async Task<IResult> Reconciliation(ISender sender, CancellationToken ct) =>
        await sender.Send(new GetReconciliation(), ct) is { } report ? TypedResults.Ok(report) : TypedResults.NoContent();
}
