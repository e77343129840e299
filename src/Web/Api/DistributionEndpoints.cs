using System.Security.Claims;
using System.Text;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

/// <summary>
/// Distributions: preview and run (issuer or creator of the asset), executed lines with their chain
/// references and verification files (any signed-in user: every figure is checkable on chain),
/// payouts and claims (the investor's own). Amounts are integers in minor units.
/// </summary>
internal static class DistributionEndpoints
{
    public static void MapDistributionEndpoints(this RouteGroupBuilder api)
    {
        var recorder = api.MapGroup("/assets/{id:guid}/distributions").RequireAuthorization(Policies.RevenueRecorder).WithTags("Distributions");
        recorder.MapPost("/preview", Preview).WithName("PreviewDistribution")
            .WithSummary("Every line a distribution would pay (fees, payees, holders at the record time), without executing it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        recorder.MapPost("", Run).WithName("RunDistribution")
            .WithSummary("Distributes the asset's undistributed confirmed revenue; expectedGross, feeScheduleId, distributionFeeBps and managementFeeBpsPerYear must equal the preview's.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var anyone = api.MapGroup("/distributions").RequireAuthorization().WithTags("Distributions");
        anyone.MapGet("/{id:guid}", Get).WithName("GetDistribution").ProducesProblem(StatusCodes.Status404NotFound);
        anyone.MapPost("/{id:guid}/resume", Resume).WithName("ResumeDistribution")
            .WithSummary("Runs a failed distribution again from the failed step (its funder, the asset's issuer or an admin).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        anyone.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelDistribution")
            .WithSummary("Gives up a failed distribution that moved no money: its revenue is undistributed again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        anyone.MapGet("/{id:guid}/statement.csv", Statement).WithName("GetDistributionStatement").ProducesProblem(StatusCodes.Status404NotFound);
        anyone.MapGet("/{id:guid}/entitlements.json", Entitlements).WithName("GetDistributionEntitlements")
            .WithSummary("The Merkle leaves (asset, index, account, cumulative) and proofs behind the root published on chain.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var mine = api.MapGroup("").RequireAuthorization().WithTags("Payouts");
        mine.MapGet("/payouts", Payouts).WithName("GetMyPayouts").RequireAuthorization(Policies.Investor);
        mine.MapPost("/payouts/claim", Claim).WithName("ClaimAllPayouts").RequireAuthorization(Policies.Investor).ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapGet("/statements/{year:int}.csv", Yearly).WithName("GetYearlyStatement").ProducesValidationProblem();
    }

    private static async Task<IResult> Preview(Guid id, PreviewDistributionRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        // A gross below zero is refused with the calculator's own message for a gross that is not above zero.
        if (request.Gross is < 0)
        {
            return ((Result<DistributionPlan>)Error.Validation(nameof(DistributionInput.Gross), "The gross revenue must be above zero.")).ToHttp(_ => TypedResults.Ok());
        }

        var gross = request.Gross is { } units ? Money.FromMinorUnits(units).Value : (Money?)null;
        return (await sender.Send(new PreviewDistribution(user.UserId(), new AssetId(id), gross, request.RecordTime, request.PeriodStart, request.PeriodEnd), ct))
            .ToHttp(plan => TypedResults.Ok(DistributionResponse.From(plan)));
    }

    private static async Task<IResult> Run(Guid id, RunDistributionRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var expected = Money.FromMinorUnits(request.ExpectedGross, nameof(RunDistributionRequest.ExpectedGross));
        if (!expected.IsSuccess)
        {
            return ((Result<Guid>)expected.Error!).ToHttp(_ => TypedResults.Ok());
        }

        return (await sender.Send(new RunDistribution(user.UserId(), new AssetId(id), expected.Value, request.FeeScheduleId, request.DistributionFeeBps, request.ManagementFeeBpsPerYear,
                request.RecordTime, request.PeriodStart, request.PeriodEnd), ct))
            .ToHttp(distributionId => TypedResults.Created($"/api/v1/distributions/{distributionId}", new { id = distributionId }));
    }

    private static async Task<IResult> Resume(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ResumeDistribution(user.UserId(), id, user.IsInRole(Domain.Common.Roles.Admin)), ct))
            .ToHttp(distributionId => TypedResults.Accepted($"/api/v1/distributions/{distributionId}", new { id = distributionId }));

    private static async Task<IResult> Cancel(Guid id, CancelDistributionRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CancelDistribution(user.UserId(), id, request.Reason ?? "", user.IsInRole(Domain.Common.Roles.Admin)), ct))
            .ToHttp(distributionId => TypedResults.Ok(new { id = distributionId, status = "Cancelled" }));

    private static async Task<IResult> Get(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetDistribution(id), ct)).ToHttp(view => TypedResults.Ok(DistributionResponse.From(view)));

    private static async Task<IResult> Statement(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetDistributionStatement(id), ct)).ToHttp(csv => TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"distribution-{id}.csv"));

    private static async Task<IResult> Entitlements(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetDistributionEntitlements(id), ct)).ToHttp(file => TypedResults.Ok(file));

    private static async Task<IResult> Payouts(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMyPayouts(user.UserId()), ct)).ToHttp(p => TypedResults.Ok(new
        {
            // Amounts as integers of minor units, as documented (never a Money object).
            totalReceived = p.TotalReceived.MinorUnits,
            totalClaimable = p.TotalClaimable.MinorUnits,
            claimable = p.Claimable.Select(c => new { assetId = c.AssetId.Value, c.AssetName, c.OnChainTokenId, entitled = c.Entitled.MinorUnits, paid = c.Paid.MinorUnits, claimable = c.Claimable.MinorUnits }),
            history = p.History.Select(h => new { h.DistributionId, assetId = h.AssetId.Value, h.RecordTime, h.CreatedAt, status = h.Status.ToString(), h.Fractions, amount = h.Amount.MinorUnits }),
            claimInFlight = p.ClaimInFlight?.Id,
        }));

    private static async Task<IResult> Claim(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ClaimAllPayouts(user.UserId()), ct)).ToHttp(op => TypedResults.Accepted("/api/v1/payouts", new { operationId = op }));

    private static async Task<IResult> Yearly(int year, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetYearlyStatement(user.UserId(), year), ct)).ToHttp(csv => TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"statement-{year}.csv"));
}

public sealed record PreviewDistributionRequest(long? Gross, DateTimeOffset? RecordTime, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd);

/// <param name="FeeScheduleId">The preview's <c>feeScheduleId</c>; with <paramref name="DistributionFeeBps"/> and
/// <paramref name="ManagementFeeBpsPerYear"/> (all required) the fees accepted: a change in between answers 409 with the new fees.</param>
public sealed record RunDistributionRequest(long ExpectedGross, Guid? FeeScheduleId, int? DistributionFeeBps, int? ManagementFeeBpsPerYear, DateTimeOffset? RecordTime, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd);

public sealed record CancelDistributionRequest(string? Reason);

public sealed record FeeLineResponse(int Bps, long Amount);

public sealed record ManagementFeeResponse(int BpsPerYear, long OfferingValue, long Prorated, long CarriedIn, long Due, long Amount, long CarriedOut);

public sealed record PayeeLineResponse(string Label, string Address, int Bps, long Amount);

public sealed record HolderLineResponse(string Address, long Fractions, long Amount, int? Index = null, long? Cumulative = null);

public sealed record OperationResponse(string Kind, string Status, string? TxHash, long? BlockNumber, string? Error);

/// <summary>The same shape for a preview and an executed distribution (which adds status, root and chain references).</summary>
public sealed record DistributionResponse(
    Guid? Id,
    Guid AssetId,
    long Gross,
    DateTimeOffset RecordTime,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    FeeLineResponse DistributionFee,
    ManagementFeeResponse ManagementFee,
    IReadOnlyList<PayeeLineResponse> Payees,
    long HoldersShare,
    IReadOnlyList<HolderLineResponse> Holders,
    Guid FeeScheduleId,
    string? Status = null,
    string? MerkleRoot = null,
    long? TotalEntitled = null,
    string? FailureReason = null,
    IReadOnlyList<OperationResponse>? Operations = null,
    long? FunderBalance = null)
{
    public static DistributionResponse From(DistributionPlan plan)
    {
        var r = plan.Result;
        var i = plan.Input;
        return new DistributionResponse(null, plan.Asset.Id.Value, r.Gross.MinorUnits, plan.RecordTime, i.PeriodStart, i.PeriodEnd,
            new FeeLineResponse(i.DistributionFeeBps, r.DistributionFee.MinorUnits),
            new ManagementFeeResponse(i.ManagementFeeBpsPerYear, i.OfferingValue.MinorUnits, r.ManagementFeeProrated.MinorUnits, i.ManagementFeeCarriedIn.MinorUnits, r.ManagementFeeDue.MinorUnits,
                r.ManagementFee.MinorUnits, r.ManagementFeeCarriedOut.MinorUnits),
            r.Payees.Select(p => new PayeeLineResponse(p.Label, p.Address, p.Bps, p.Amount.MinorUnits)).ToList(), r.HoldersShare.MinorUnits,
            r.Holders.Select(h => new HolderLineResponse(h.Address, h.Fractions, h.Amount.MinorUnits)).ToList(), plan.FeeScheduleId, FunderBalance: plan.FunderBalance.MinorUnits);
    }

    public static DistributionResponse From(DistributionView view)
    {
        var d = view.Distribution;
        var lines = d.Lines.OrderBy(l => l.Order).ToList();
        return new DistributionResponse(d.Id, d.AssetId.Value, d.Gross.MinorUnits, d.RecordTime, d.PeriodStart, d.PeriodEnd,
            new FeeLineResponse(d.DistributionFeeBps, d.DistributionFee.MinorUnits),
            new ManagementFeeResponse(d.ManagementFeeBps, d.OfferingValue.MinorUnits, d.ManagementFeeProrated.MinorUnits, d.ManagementFeeCarriedIn.MinorUnits, d.ManagementFeeDue.MinorUnits,
                d.ManagementFee.MinorUnits, d.ManagementFeeCarriedOut.MinorUnits),
            lines.Where(l => l.Kind == DistributionLineKind.Payee).Select(l => new PayeeLineResponse(l.Label ?? "", l.Address ?? "", l.Bps ?? 0, l.Amount.MinorUnits)).ToList(),
            d.HoldersShare.MinorUnits,
            lines.Where(l => l.Kind == DistributionLineKind.Holder).Select(l => new HolderLineResponse(l.Address ?? "", l.Fractions ?? 0, l.Amount.MinorUnits, l.HolderIndex, l.Cumulative?.MinorUnits)).ToList(),
            d.FeeScheduleId, d.Status.ToString(), d.MerkleRoot, d.TotalEntitled.MinorUnits, d.FailureReason,
            view.Operations.Select(o => new OperationResponse(o.Kind, o.Status.ToString(), o.TxHash, o.BlockNumber, o.Error)).ToList());
    }
}
