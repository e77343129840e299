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

        api.MapGet("/assets/{id:guid}/documents/{documentId:guid}", Document).RequireAuthorization().WithTags("Assets").WithName("GetAssetDocument")
            .WithSummary("The stored bytes of an asset's photo or document (its SHA-256 is anchored on chain).");
    }

    private static async Task<IResult> CreateDraft(CreateAssetDraftRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new CreateAssetDraft(user.UserId(), request.Kind, request.Name ?? ""), ct);
        return result.ToHttp(id => TypedResults.Created($"/api/v1/assets/{id}", new CreatedAssetResponse(id.Value)));
    }

    private static async Task<IResult> ListMine(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new ListMyAssets(user.UserId()), ct)).Select(AssetResponse.From));

    /// <summary>Same visibility as the asset page: public once approved, otherwise issuer and admins only.</summary>
    private static async Task<IResult> Document(Guid id, Guid documentId, ClaimsPrincipal user, ISender sender, IDocumentStore store, CancellationToken ct)
    {
        var page = await sender.Send(new GetAssetPage(new AssetId(id), user.UserId(), user.IsInRole(Domain.Common.Roles.Admin)), ct);
        var document = page.IsSuccess ? page.Value.Asset.Documents.FirstOrDefault(d => d.Id == documentId) : null;
        if (document is null)
        {
            return TypedResults.Problem("No such document.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Stream(await store.OpenAsync(document.StorageKey, ct), document.ContentType, document.FileName);
    }
}

public sealed record CreateAssetDraftRequest(AssetKind Kind, string? Name);

public sealed record CreatedAssetResponse(Guid Id);

public sealed record AssetResponse(Guid Id, string Name, string Kind, string Status, DateTimeOffset UpdatedAt)
{
    public static AssetResponse From(AssetSummary a) => new(a.Id.Value, a.Name, a.Kind.ToString(), a.Status.ToString(), a.UpdatedAt);
}
