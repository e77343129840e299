using System.Security.Claims;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

internal static class AssetEndpoints
{
    public static void MapAssetEndpoints(this RouteGroupBuilder api)
    {
        var issuer = api.MapGroup("/assets").RequireAuthorization(Policies.Issuer).WithTags("Assets");
        issuer.MapPost("/drafts", CreateDraft).WithName("CreateAssetDraft")
            .WithSummary("Start a draft asset owned by the signed-in issuer.")
            .ProducesValidationProblem();
        issuer.MapGet("/mine", ListMine).WithName("ListMyAssets");

        api.MapGet("/marketplace", ListOpen).RequireAuthorization(Policies.Investor).WithTags("Marketplace").WithName("ListOpenAssets");
    }

    private static async Task<IResult> CreateDraft(CreateAssetDraftRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new CreateAssetDraft(user.UserId(), request.Kind, request.Name ?? ""), ct);
        return result.ToHttp(id => TypedResults.Created($"/api/v1/assets/{id}", new CreatedAssetResponse(id.Value)));
    }

    private static async Task<IResult> ListMine(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new ListMyAssets(user.UserId()), ct)).Select(AssetResponse.From));

    private static async Task<IResult> ListOpen(ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new ListOpenAssets(), ct)).Select(AssetResponse.From));
}

public sealed record CreateAssetDraftRequest(AssetKind Kind, string? Name);

public sealed record CreatedAssetResponse(Guid Id);

public sealed record AssetResponse(Guid Id, string Name, string Kind, string Status, DateTimeOffset UpdatedAt)
{
    public static AssetResponse From(AssetSummary a) => new(a.Id.Value, a.Name, a.Kind.ToString(), a.Status.ToString(), a.UpdatedAt);
}
