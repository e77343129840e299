using System.Security.Claims;
using Mediator;
using TokenPlatform.Domain.ApiKeys;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

/// <summary>
/// Revenue ingestion for machines (API key) and revenue management for issuers and creators
/// (cookie). Amounts are integers in minor units (6 decimals).
/// </summary>
internal static class RevenueEndpoints
{
    /// <summary>The ingestion endpoint authenticates with an API key only, so it is mapped outside the cookie-authenticated group.</summary>
    public static void MapRevenueIngestion(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/assets/{id:guid}/revenue", Ingest)
            .RequireAuthorization(Policies.ApiKey)
            .WithTags("Revenue")
            .WithName("IngestRevenue")
            .WithSummary("Records one revenue event, or up to 10,000 as {\"events\": [...]}; idempotent by reference. Header: X-Api-Key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static void MapRevenueEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").RequireAuthorization(Policies.RevenueRecorder).WithTags("API keys");
        keys.MapGet("", ListKeys).WithName("ListApiKeys");
        keys.MapPost("", CreateKey).WithName("CreateApiKey").WithSummary("Issues a key; its secret is returned once and only its hash is stored.").ProducesValidationProblem();
        keys.MapDelete("/{id:guid}", RevokeKey).WithName("RevokeApiKey").ProducesProblem(StatusCodes.Status404NotFound);

        var revenue = api.MapGroup("/assets/{id:guid}/revenue").RequireAuthorization(Policies.RevenueRecorder).WithTags("Revenue");
        revenue.MapGet("", ListRevenue).WithName("ListAssetRevenue").ProducesProblem(StatusCodes.Status404NotFound);
        revenue.MapPost("/import/preview", PreviewImport).WithName("PreviewRevenueImport").Accepts<string>("text/csv")
            .WithSummary("Validates a CSV statement (reference,date,source,amount[,currency,description]) and returns every row; records nothing.");
        revenue.MapPost("/import", Import).WithName("ImportRevenue").Accepts<string>("text/csv")
            .WithSummary("Imports the valid rows of a CSV statement, all or nothing.").ProducesValidationProblem();
        revenue.MapPost("/review", Review).WithName("ReviewAssetRevenue")
            .WithSummary("The issuer confirms (or refuses, with a reason) events a payee recorded; only confirmed revenue is distributed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        revenue.MapPost("/{eventId:guid}/void", Void).WithName("VoidAssetRevenue")
            .WithSummary("The issuer voids an undistributed event, with a reason (audited).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Review(Guid id, ReviewRevenueRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ReviewRevenue(user.UserId(), new AssetId(id), request.EventIds ?? [], request.Confirm, request.Reason), ct))
            .ToHttp(count => TypedResults.Ok(new { reviewed = count }));

    private static async Task<IResult> Void(Guid id, Guid eventId, VoidRevenueRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new VoidRevenue(user.UserId(), new AssetId(id), eventId, request.Reason ?? ""), ct))
            .ToHttp(voided => TypedResults.Ok(new { id = voided, status = "Voided" }));

    private static async Task<IResult> Ingest(Guid id, RevenueRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var items = request.Events ?? [new RevenueItem(request.Reference, request.Date, request.Source, request.Amount, request.Currency, request.Description)];
        return (await sender.Send(new IngestRevenue(user.UserId(), new AssetId(id), items), ct))
            .ToHttp(r => TypedResults.Ok(new IngestResponse(r.Received, r.Recorded, r.Duplicates)));
    }

    private static async Task<IResult> ListKeys(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListApiKeys(user.UserId()), ct));

    private static async Task<IResult> CreateKey(CreateApiKeyRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CreateApiKey(user.UserId(), request.Name), ct)).ToHttp(created => TypedResults.Ok(new CreatedApiKeyResponse(created.Key, created.Secret)));

    private static async Task<IResult> RevokeKey(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RevokeApiKey(user.UserId(), id), ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> ListRevenue(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetAssetRevenue(user.UserId(), new AssetId(id)), ct)).ToHttp(v => TypedResults.Ok(new
        {
            undistributed = v.Undistributed,
            awaitingConfirmation = v.AwaitingConfirmation.Count,
            undistributedEvents = v.UndistributedEvents,
            events = v.Recent.Select(e => new { e.Id, reference = e.ExternalReference, date = e.OccurredOn, source = e.Source.ToString(), amount = e.AmountMinorUnits, e.Description, channel = e.Channel.ToString(), e.DistributionId, status = e.Status.ToString(), e.ReviewReason }),
            totals = v.Totals,
        }));

    private static async Task<IResult> PreviewImport(Guid id, HttpRequest http, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var csv = await ReadBodyAsync(http, ct);
        return csv is null
            ? ResultHttp.Problem(Domain.Common.Error.Validation("File", "A statement may be at most 5 MB."))
            : (await sender.Send(new PreviewRevenueImport(user.UserId(), new AssetId(id), csv), ct)).ToHttp(p => TypedResults.Ok(new
            {
                fileError = p.FileError,
                valid = p.ValidCount,
                invalid = p.InvalidCount,
                rows = p.Rows.Select(r => new { row = r.Row, valid = r.Valid, duplicate = r.Duplicate, errors = r.Errors }),
            }));
    }

    private static async Task<IResult> Import(Guid id, HttpRequest http, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var csv = await ReadBodyAsync(http, ct);
        return csv is null
            ? ResultHttp.Problem(Domain.Common.Error.Validation("File", "A statement may be at most 5 MB."))
            : (await sender.Send(new ImportRevenue(user.UserId(), new AssetId(id), csv), ct)).ToHttp(r => TypedResults.Ok(new IngestResponse(r.Received, r.Recorded, r.Duplicates)));
    }

    internal const int MaxStatementBytes = 5 * 1024 * 1024;

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxStatementBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > MaxStatementBytes ? null : new string(buffer, 0, read);
    }
}

/// <summary>One event (top-level fields) or many ("events"). <c>Amount</c> is an integer in minor units.</summary>
public sealed record RevenueRequest(string? Reference, string? Date, string? Source, long Amount, string? Currency, string? Description, List<RevenueItem>? Events);

public sealed record IngestResponse(int Received, int Recorded, int Duplicates);

public sealed record ReviewRevenueRequest(List<Guid>? EventIds, bool Confirm, string? Reason);

public sealed record VoidRevenueRequest(string? Reason);

public sealed record CreateApiKeyRequest(string? Name);

public sealed record CreatedApiKeyResponse(ApiKeyView Key, string Secret);

/// <summary>
/// Compile-time JSON contract for the ingestion body (10,000 events per request): no reflection on
/// the hot path. Web defaults (camelCase, case-insensitive), like the rest of the API.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RevenueRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IngestResponse))]
internal sealed partial class RevenueJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
