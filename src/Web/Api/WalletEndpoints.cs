using System.Security.Claims;
using Mediator;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Web.Api;

internal static class WalletEndpoints
{
    /// <summary>Every signed-in user has a wallet; each endpoint acts on the caller's own wallet only.</summary>
    public static void MapWalletEndpoints(this RouteGroupBuilder api)
    {
        var wallet = api.MapGroup("/wallet").RequireAuthorization().WithTags("Wallet");
        wallet.MapGet("", Get).WithName("GetMyWallet").ProducesProblem(StatusCodes.Status404NotFound);
        wallet.MapGet("/payout-challenge", Challenge).WithName("GetPayoutChallenge")
            .WithSummary("The message an external address must sign (EIP-191 personal_sign) to become the payout address.");
        wallet.MapPost("/payout-address", RegisterPayout).WithName("RegisterPayoutAddress").ProducesValidationProblem();
        wallet.MapGet("/funding-authorizations", ListAuthorizations).WithName("ListFundingAuthorizations")
            .WithSummary("Your standing authorizations for automatic distributions, newest first.");
        wallet.MapPost("/funding-authorization", Authorize).WithName("GrantFundingAuthorization").ProducesValidationProblem()
            .WithSummary("Signs a standing authorization (cap in USD, end time): automatic distributions of your assets' recorded revenue draw on your wallet up to the cap. Replaces the one in force.");
        wallet.MapDelete("/funding-authorization", Revoke).WithName("RevokeFundingAuthorization").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revokes your standing authorization at once (and on chain).");
    }

    private static async Task<IResult> ListAuthorizations(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Domain.Funding.GetFundingAuthorizations(user.UserId()), ct));

    private static async Task<IResult> Authorize(FundingAuthorizationRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new Domain.Funding.GrantFundingAuthorization(user.UserId(), request.Cap, request.ExpiresAt), ct)).ToHttp(a => TypedResults.Ok(a));

    private static async Task<IResult> Revoke(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new Domain.Funding.RevokeFundingAuthorization(user.UserId()), ct)).ToHttp(a => TypedResults.Ok(a));

    private static async Task<IResult> Get(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMyWallet(user.UserId()), ct)).ToHttp(w => TypedResults.Ok(w));

    private static IResult Challenge(ClaimsPrincipal user, IWalletService wallets, string? address)
    {
        var errors = new RegisterPayoutAddressValidator().Validate(new RegisterPayoutAddress(user.UserId(), address ?? "", "-"));
        return errors.Count > 0
            ? ResultHttp.Problem(Domain.Common.Error.Validation(errors))
            : TypedResults.Ok(new PayoutChallengeResponse(wallets.PayoutChallenge(user.UserId(), address!)));
    }

    private static async Task<IResult> RegisterPayout(RegisterPayoutRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RegisterPayoutAddress(user.UserId(), request.Address ?? "", request.Signature ?? ""), ct)).ToHttp(w => TypedResults.Ok(w));
}

public sealed record PayoutChallengeResponse(string Message);

public sealed record RegisterPayoutRequest(string? Address, string? Signature);

/// <param name="Cap">The most automatic distributions may draw, in USD ("5000.00").</param>
public sealed record FundingAuthorizationRequest(string? Cap, DateTimeOffset? ExpiresAt);
