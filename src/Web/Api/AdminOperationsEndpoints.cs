using System.Security.Claims;
using System.Text;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Web.Api;

/// <summary>Fees, platform revenue, compliance actions and the audit log (admin group: the Admin policy applies to all).</summary>
internal static class AdminOperationsEndpoints
{
    public static void MapAdminOperationsEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/fees", ListFees).WithName("ListFeeSchedules");
        admin.MapPost("/fees", PublishFees).WithName("PublishFeeSchedule")
            .WithSummary("Publishes a new fee schedule version (amounts: listingFee as a decimal USD string, fees in basis points).").ProducesValidationProblem();
        admin.MapGet("/fees/overrides", Overrides).WithName("ListAssetFeeOverrides");
        admin.MapPut("/fees/overrides/{assetId:guid}", SetOverride).WithName("SetAssetFeeOverride")
            .WithSummary("Per-asset fees in basis points; null = the schedule in force.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/revenue", Revenue).WithName("GetPlatformRevenue").WithSummary("Fees earned by kind, asset and month, reconciled with the treasury's balance on chain.");
        admin.MapPost("/compliance/assets/{id:guid}/paused", Pause).WithName("SetAssetPaused").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/compliance/frozen", Freeze).WithName("SetAddressFrozen").ProducesValidationProblem();
        admin.MapPost("/compliance/forced-transfers", ForcedTransfer).WithName("ForceTransfer").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/compliance/operations", ComplianceOperations).WithName("ListComplianceOperations");
        admin.MapGet("/audit", Audit).WithName("SearchAuditLog");
        admin.MapGet("/audit.csv", AuditCsv).WithName("ExportAuditLog");
    }

    private static async Task<IResult> ListFees(ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new ListFeeSchedules(), ct)).Select(v => new
        {
            v.Schedule.Id,
            v.Schedule.EffectiveFrom,
            listingFee = v.Schedule.ListingFee.MinorUnits,
            primaryCommissionBps = v.Schedule.PrimaryCommission.Value,
            tradingFeeBps = v.Schedule.TradingFee.Value,
            resaleRoyaltyCapBps = v.Schedule.ResaleRoyaltyCap.Value,
            managementFeeBps = v.Schedule.ManagementFeePerYear.Value,
            distributionFeeBps = v.Schedule.DistributionFee.Value,
            v.Schedule.CreatedBy,
            v.Schedule.CreatedAt,
            v.InForce,
            chainStatus = v.Chain?.Status.ToString(),
        }));

    private static async Task<IResult> PublishFees(PublishFeesRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new PublishFeeSchedule(user.UserId(), request.EffectiveFrom, request.ListingFee ?? "", request.PrimaryCommissionBps, request.TradingFeeBps,
            request.ResaleRoyaltyCapBps, request.ManagementFeeBps, request.DistributionFeeBps), ct))
            .ToHttp(id => TypedResults.Created("/api/v1/admin/fees", new { id }));

    private static async Task<IResult> Overrides(ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new ListAssetFeeOverrides(), ct)).Select(o => new
        {
            assetId = o.AssetId.Value,
            o.AssetName,
            o.Override.PrimaryCommissionBps,
            o.Override.DistributionFeeBps,
            o.Override.ManagementFeeBps,
            o.Override.SetAt,
        }));

    private static async Task<IResult> SetOverride(Guid assetId, FeeOverrideRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SetAssetFeeOverride(user.UserId(), new AssetId(assetId), request.PrimaryCommissionBps, request.DistributionFeeBps, request.ManagementFeeBps), ct))
            .ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> Revenue(ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPlatformRevenue(), ct));

    private static async Task<IResult> Pause(Guid id, PauseRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SetAssetPaused(user.UserId(), new AssetId(id), request.Paused, request.Reason ?? ""), ct)).ToHttp(op => TypedResults.Accepted("/api/v1/admin/compliance/operations", new { operationId = op }));

    private static async Task<IResult> Freeze(FreezeRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SetAddressFrozen(user.UserId(), request.Address ?? "", request.Frozen, request.Reason ?? ""), ct)).ToHttp(op => TypedResults.Accepted("/api/v1/admin/compliance/operations", new { operationId = op }));

    private static async Task<IResult> ForcedTransfer(ForcedTransferRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ForceTransfer(user.UserId(), new AssetId(request.AssetId), request.From ?? "", request.To ?? "", request.Amount, request.Reason ?? ""), ct))
            .ToHttp(op => TypedResults.Accepted("/api/v1/admin/compliance/operations", new { operationId = op }));

    private static async Task<IResult> ComplianceOperations(ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListComplianceOperations(), ct));

    private static async Task<IResult> Audit(ISender sender, CancellationToken ct, string? actor = null, string? action = null, Guid? assetId = null, int take = 500) =>
        TypedResults.Ok(await sender.Send(new SearchAuditLog(new AuditFilter(actor, action, assetId, Take: take)), ct));

    private static async Task<IResult> AuditCsv(ISender sender, CancellationToken ct, string? actor = null, string? action = null, Guid? assetId = null) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ExportAuditLog(new AuditFilter(actor, action, assetId)), ct)), "text/csv; charset=utf-8", "audit-log.csv");
}

public sealed record PublishFeesRequest(DateTimeOffset? EffectiveFrom, string? ListingFee, int PrimaryCommissionBps, int TradingFeeBps, int ResaleRoyaltyCapBps, int ManagementFeeBps, int DistributionFeeBps);

public sealed record FeeOverrideRequest(int? PrimaryCommissionBps, int? DistributionFeeBps, int? ManagementFeeBps);

public sealed record PauseRequest(bool Paused, string? Reason);

public sealed record FreezeRequest(string? Address, bool Frozen, string? Reason);

public sealed record ForcedTransferRequest(Guid AssetId, string? From, string? To, long Amount, string? Reason);
