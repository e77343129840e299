using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>Loads everything a quote depends on: the asset, the investor's verification, wallet, chain balances and purchases in flight.</summary>
public sealed class PurchaseContextLoader(IAssetRepository assets, IInvestorStore store, IWalletService wallets, IInvestorChainReader chain, TimeProvider clock)
{
    public sealed record Loaded(Asset Asset, WalletView Wallet, KycApplication? Kyc, PurchaseContext Context);

    public async Task<Result<Loaded>> LoadAsync(string userId, AssetId assetId, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(assetId, cancellationToken);
        if (asset is null || asset.Status != AssetStatus.Live || asset.Terms is null || asset.OnChainTokenId is not { } tokenId)
        {
            return Error.NotFound("asset.missing", "No such asset on sale.");
        }

        var wallet = await wallets.FindAsync(userId, cancellationToken);
        if (wallet is null)
        {
            return Error.Conflict("wallet.missing", "This account has no wallet yet.");
        }

        var kyc = await store.FindKycAsync(userId, cancellationToken);
        var now = clock.GetUtcNow();
        var (verified, hint) = InvestorVerification.Describe(kyc, now);
        var inFlight = (await store.ListPurchasesAsync(userId, cancellationToken)).Where(p => p.Status == PurchaseStatus.Submitted).ToList();
        long balance, held, available;
        try
        {
            balance = await chain.StablecoinBalanceAsync(wallet.Address, cancellationToken);
            held = await chain.FractionsAsync(tokenId, wallet.Address, cancellationToken);
            available = await chain.AvailableAsync(tokenId, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now, so your balance cannot be checked. Try again in a moment.");
        }

        var offeringOnChain = asset.OfferingOpenedAt is not null;
        var pendingHere = inFlight.Where(p => p.AssetId == assetId).Sum(p => p.Quantity);
        var pendingCost = Money.FromMinorUnits(inFlight.Sum(p => p.Cost.MinorUnits)).Value;
        var context = new PurchaseContext(verified, hint, available, held, pendingHere, Money.FromMinorUnits(balance).Value, pendingCost, now, offeringOnChain);
        return new Loaded(asset, wallet, kyc, context);
    }
}
