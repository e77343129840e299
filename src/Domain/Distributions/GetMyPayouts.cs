using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

public sealed record ClaimableView(AssetId AssetId, string AssetName, long OnChainTokenId, Money Entitled, Money Paid, Money Claimable);

public sealed record PayoutsView(IReadOnlyList<HolderPayout> History, IReadOnlyList<ClaimableView> Claimable, Money TotalReceived, Money TotalClaimable, ChainOperationView? ClaimInFlight);

/// <summary>
/// The investor's payouts: every distribution line paying the wallet, and what is claimable now per
/// asset (everything owed minus what the distributor already paid, read from the chain).
/// </summary>
public sealed record GetMyPayouts(string UserId) : IQuery<Result<PayoutsView>>;

public sealed class GetMyPayoutsHandler(IWalletService wallets, IDistributionStore distributions, IEntitlementLedger ledger, IPayoutChainReader chain, IAssetRepository assets, IChainMonitor monitor)
    : IQueryHandler<GetMyPayouts, Result<PayoutsView>>
{
    public async ValueTask<Result<PayoutsView>> Handle(GetMyPayouts query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        var history = await distributions.PayoutsToAsync(wallet.Address, cancellationToken);
        var claims = await ledger.ClaimsOfAsync(wallet.Address, chain, cancellationToken);
        var claimable = new List<ClaimableView>();
        foreach (var claim in claims)
        {
            Money paid;
            try
            {
                paid = await chain.ClaimedAsync(claim.OnChainTokenId, claim.Entitlement.Index, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return Error.Conflict("chain.unreachable", "The chain cannot be reached right now.");
            }

            var assetId = history.FirstOrDefault(h => h.OnChainTokenId == claim.OnChainTokenId)?.AssetId;
            var name = assetId is { } id ? (await assets.FindAsync(id, cancellationToken))?.Name ?? "" : "";
            // The leaf's cumulative is a chain value (64-bit minor units); what the chain paid never exceeds it, but a claimable amount is never below zero.
            var entitled = Money.FromMinorUnits(claim.Entitlement.Cumulative).Value;
            claimable.Add(new ClaimableView(assetId ?? default, name, claim.OnChainTokenId, entitled, paid, entitled > paid ? entitled - paid : Money.Zero));
        }

        // A payout counts as received once its distribution funded the pool (completed).
        var received = Money.Sum(history.Where(h => h.Status == DistributionStatus.Completed).Select(h => h.Amount));
        var inFlight = (await monitor.ListByKeyPrefixAsync(OperationKeys.ClaimPrefix(query.UserId), cancellationToken))
            .LastOrDefault(o => o.Status is not (ChainOperationStatus.Confirmed or ChainOperationStatus.Failed));
        return new PayoutsView(history, claimable, received, Money.Sum(claimable.Select(c => c.Claimable)), inFlight);
    }
}
