using System.Security.Claims;
using System.Text;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Api;

/// <summary>
/// The investor API. Every route acts on the caller's own data (the user id comes from the auth
/// cookie); an id that belongs to someone else answers 404, never the other investor's data.
/// Amounts are integers in minor units (6 decimals), shares in basis points.
/// </summary>
internal static class InvestorEndpoints
{
    public static void MapInvestorEndpoints(this RouteGroupBuilder api)
    {
        var investor = api.MapGroup("").RequireAuthorization(Policies.Investor).WithTags("Investors").ProducesProblem(StatusCodes.Status403Forbidden);
        investor.MapGet("/kyc", MyKyc).WithName("GetMyKyc").ProducesProblem(StatusCodes.Status404NotFound);
        investor.MapGet("/marketplace", Browse).WithName("BrowseMarketplace")
            .WithSummary("Live assets; filters: kind, minPrice/maxPrice (minor units), minYieldBps, minAvailableBps, search, sort, page, pageSize.");
        investor.MapPost("/assets/{id:guid}/purchases/quote", Quote).WithName("QuotePurchase")
            .WithSummary("The exact cost breakdown, limits and every refusal reason for buying a quantity, from the fee schedule in force.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        investor.MapPost("/assets/{id:guid}/purchases", Place).WithName("PlacePurchase")
            .WithSummary("Accepts a quote (by its fee schedule id) and queues the purchase on chain.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        investor.MapGet("/purchases/{id:guid}", GetPurchase).WithName("GetPurchase").ProducesProblem(StatusCodes.Status404NotFound);
        investor.MapGet("/portfolio", Portfolio).WithName("GetPortfolio");
        investor.MapGet("/portfolio/export.csv", Export).WithName("ExportPortfolio").WithSummary("The caller's history as CSV (formula-safe cells).");

        var wallet = api.MapGroup("/wallet").RequireAuthorization().WithTags("Wallet");
        wallet.MapGet("/balance", Balance).WithName("GetWalletBalance");
        wallet.MapPost("/faucet", Faucet).WithName("RequestTestFunds").WithSummary("Development chains only: mints test USD to the caller's wallet.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        wallet.MapPut("/payout-preference", SetPreference).WithName("SetPayoutPreference").ProducesValidationProblem();

        var admin = api.MapGroup("/admin/kyc").RequireAuthorization(Policies.Admin).WithTags("Admin").ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("", ListKyc).WithName("ListKycApplications").WithSummary("The KYC queue; status: Pending, Approved or Rejected (omit for all), oldest first.");
        admin.MapGet("/{id:guid}/document", KycDocument).WithName("GetKycDocument").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/approve", ApproveKyc).WithName("ApproveKyc").ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/reject", RejectKyc).WithName("RejectKyc").ProducesValidationProblem();
    }

    private static async Task<IResult> MyKyc(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        await sender.Send(new GetMyKyc(user.UserId()), ct) is { } kyc
            ? TypedResults.Ok(KycResponse.From(kyc))
            : TypedResults.Problem("You have not submitted an identity check yet.", statusCode: StatusCodes.Status404NotFound, title: "kyc.missing");

    private static async Task<IResult> Browse(ISender sender, CancellationToken ct, AssetKind? kind = null, long? minPrice = null, long? maxPrice = null,
        int? minYieldBps = null, int? minAvailableBps = null, string? search = null, MarketplaceSort? sort = null, int page = 1, int pageSize = 12)
    {
        var result = await sender.Send(new BrowseMarketplace(kind, minPrice, maxPrice, minYieldBps, minAvailableBps, search, sort ?? MarketplaceSort.Newest, page, pageSize), ct);
        return TypedResults.Ok(new MarketplaceResponse(result.Items.Select(MarketplaceItemResponse.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> Quote(Guid id, QuoteRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new QuotePurchase(user.UserId(), new AssetId(id), request.Quantity), ct)).ToHttp(q => TypedResults.Ok(QuoteResponse.From(q)));

    private static async Task<IResult> Place(Guid id, PlacePurchaseRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new PlacePurchase(user.UserId(), new AssetId(id), request.Quantity, request.FeeScheduleId, request.CommissionBps), ct))
            .ToHttp(p => TypedResults.Created($"/api/v1/purchases/{p.Id}", PurchaseResponse.From(p)));

    private static async Task<IResult> GetPurchase(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new Domain.Investors.GetPurchase(user.UserId(), id), ct)).ToHttp(p => TypedResults.Ok(PurchaseResponse.From(p)));

    private static async Task<IResult> Portfolio(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetPortfolio(user.UserId()), ct)).ToHttp(p => TypedResults.Ok(PortfolioResponse.From(p)));

    private static async Task<IResult> Export(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ExportPortfolioHistory(user.UserId()), ct))
            .ToHttp(csv => TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "portfolio-history.csv"));

    private static async Task<IResult> Balance(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetWalletBalance(user.UserId()), ct)).ToHttp(b => TypedResults.Ok(new BalanceResponse(b.MinorUnits, b.ToString())));

    private static async Task<IResult> Faucet(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RequestTestFunds(user.UserId()), ct)).ToHttp(id => TypedResults.Accepted($"/api/v1/wallet/balance", new FaucetResponse(id, RequestTestFunds.Amount.MinorUnits)));

    private static async Task<IResult> SetPreference(PayoutPreferenceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new SetPayoutPreference(user.UserId(), request.Preference), ct)).ToHttp(w => TypedResults.Ok(new { payoutPreference = w.PayoutPreference.ToString() }));

    private static async Task<IResult> ListKyc(ISender sender, CancellationToken ct, KycStatus? status = null) =>
        TypedResults.Ok(await sender.Send(new ListKycApplications(status), ct));

    private static async Task<IResult> KycDocument(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetKycDocument(id), ct)).ToHttp(d => TypedResults.Stream(d.Content, d.ContentType, d.FileName));

    private static async Task<IResult> ApproveKyc(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new Domain.Investors.ApproveKyc(id, user.UserId()), ct)).ToHttp(k => TypedResults.Ok(KycResponse.From(k)));

    private static async Task<IResult> RejectKyc(Guid id, RejectKycRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new Domain.Investors.RejectKyc(id, user.UserId(), request.Reason ?? ""), ct)).ToHttp(k => TypedResults.Ok(KycResponse.From(k)));
}

public sealed record QuoteRequest(long Quantity);

/// <summary>The quote accepted: its fee schedule id and (optionally) the commission it showed; a change in between is a 409.</summary>
public sealed record PlacePurchaseRequest(long Quantity, Guid FeeScheduleId, int? CommissionBps = null);

public sealed record RejectKycRequest(string? Reason);

public sealed record PayoutPreferenceRequest(PayoutPreference Preference);

public sealed record BalanceResponse(long MinorUnits, string Display);

public sealed record FaucetResponse(Guid OperationId, long AmountMinorUnits);

public sealed record KycResponse(Guid Id, string Status, bool Verified, string? Hint, string? RejectionReason, DateTimeOffset SubmittedAt, DateTimeOffset? ExpiresAt, string? RegistrationTxHash)
{
    public static KycResponse From(KycView k) => new(k.Id, k.Status.ToString(), k.Verified, k.Hint, k.RejectionReason, k.SubmittedAt, k.ExpiresAt, k.Registration?.TxHash);
}

public sealed record MarketplaceItemResponse(Guid Id, string Name, string Kind, string Subtitle, long PricePerFraction, long Supply, long Available, int AvailableBps,
    int? ExpectedYieldBps, long OfferingValue, long Raised)
{
    public static MarketplaceItemResponse From(MarketplaceItem i) => new(i.Id.Value, i.Name, i.Kind.ToString(), i.Subtitle, i.PricePerFraction.MinorUnits, i.Supply, i.Available,
        i.AvailableBps, i.ExpectedYieldBps, i.OfferingValue.MinorUnits, i.Raised.MinorUnits);
}

public sealed record MarketplaceResponse(IReadOnlyList<MarketplaceItemResponse> Items, int Total, int Page, int PageSize);

public sealed record BreakdownResponse(long Quantity, long PricePerFraction, long Subtotal, int CommissionBps, long Commission, long Total, long IssuerReceives)
{
    public static BreakdownResponse From(PurchaseBreakdown b) => new(b.Quantity, b.PricePerFraction.MinorUnits, b.Subtotal.MinorUnits, b.CommissionBps.Value,
        b.Commission.MinorUnits, b.Total.MinorUnits, b.IssuerReceives.MinorUnits);
}

public sealed record QuoteResponse(Guid AssetId, Guid FeeScheduleId, bool CanBuy, BreakdownResponse? Breakdown, long MinimumQuantity, long MaximumQuantity,
    long Available, long Held, long PendingQuantity, long Balance, IReadOnlyList<FieldError> Refusals)
{
    public static QuoteResponse From(PurchaseQuoteView q) => new(q.AssetId.Value, q.FeeScheduleId, q.Quote.CanBuy,
        q.Quote.Breakdown is { } b ? BreakdownResponse.From(b) : null, q.Quote.Bounds.Minimum, q.Quote.Bounds.Maximum, q.Available, q.Held, q.PendingQuantity,
        q.Balance.MinorUnits, q.Quote.Refusals);
}

public sealed record PurchaseResponse(Guid Id, Guid AssetId, string AssetName, long Quantity, long PricePerFraction, int CommissionBps, long Cost, long Commission,
    string Status, string? TxHash, long? BlockNumber, string? FailureReason, DateTimeOffset CreatedAt)
{
    public static PurchaseResponse From(PurchaseView p) => new(p.Id, p.AssetId.Value, p.AssetName, p.Quantity, p.PricePerFraction.MinorUnits, p.CommissionBps.Value,
        p.Cost.MinorUnits, p.Commission.MinorUnits, p.Status.ToString(), p.TxHash, p.BlockNumber, p.FailureReason, p.CreatedAt);
}

public sealed record HoldingResponse(Guid AssetId, string Name, string Kind, long Fractions, long Supply, long CostBasis, long LastPrice, long Value);

public sealed record PortfolioResponse(string Address, IReadOnlyList<HoldingResponse> Holdings, IReadOnlyList<PurchaseResponse> History, long TotalInvested, long TotalValue)
{
    public static PortfolioResponse From(PortfolioView p) => new(
        p.Address,
        p.Holdings.Select(h => new HoldingResponse(h.AssetId.Value, h.Name, h.Kind.ToString(), h.Fractions, h.Supply, h.CostBasis.MinorUnits, h.LastPrice.MinorUnits, h.Value.MinorUnits)).ToList(),
        p.History.Select(PurchaseResponse.From).ToList(),
        p.TotalInvested.MinorUnits,
        p.TotalValue.MinorUnits);
}
