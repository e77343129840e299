using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>The signed-in investor's holdings (indexed from confirmed blocks), cost basis and purchase history.</summary>
public sealed record GetPortfolio(string UserId) : IQuery<Result<PortfolioView>>;

public sealed record HoldingView(
    AssetId AssetId,
    string Name,
    AssetKind Kind,
    long Fractions,
    long Supply,
    decimal ShareOfAsset,
    Money CostBasis,
    Money LastPrice,
    Money Value);

public sealed record PortfolioView(
    string Address,
    IReadOnlyList<HoldingView> Holdings,
    IReadOnlyList<PurchaseView> History,
    Money TotalInvested,
    Money TotalValue,
    IReadOnlyDictionary<AssetKind, Money> ValueByKind,
    int PurchasesInProgress);

public sealed class GetPortfolioHandler(IInvestorStore store, IWalletService wallets, IHoldingsReader holdings) : IQueryHandler<GetPortfolio, Result<PortfolioView>>
{
    public async ValueTask<Result<PortfolioView>> Handle(GetPortfolio query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        var balances = await holdings.ByAddressAsync(wallet.Address, cancellationToken);
        var purchases = await store.ListPurchasesAsync(query.UserId, cancellationToken);
        var assets = await store.FindAssetsAsync(purchases.Select(p => p.AssetId).Distinct().ToList(), balances.Keys.ToList(), cancellationToken);
        var byToken = assets.Where(a => a.OnChainTokenId is not null).ToDictionary(a => a.OnChainTokenId!.Value);
        var names = assets.ToDictionary(a => a.Id, a => a.Name);

        var rows = new List<HoldingView>();
        foreach (var (tokenId, fractions) in balances.OrderBy(b => b.Key))
        {
            if (!byToken.TryGetValue(tokenId, out var asset) || asset.Terms is not { } terms)
            {
                continue;
            }

            var cost = purchases.Where(p => p.AssetId == asset.Id && p.Status == PurchaseStatus.Confirmed).Sum(p => p.Cost.MinorUnits);
            rows.Add(new HoldingView(asset.Id, asset.Name, asset.Kind, fractions, terms.TotalFractions,
                (decimal)fractions / terms.TotalFractions, Money.FromMinorUnits(cost).Value, terms.PricePerFraction,
                Money.FromMinorUnits(checked(fractions * terms.PricePerFraction.MinorUnits)).Value));
        }

        var history = purchases.OrderByDescending(p => p.CreatedAt).Select(p => PurchaseView.From(p, names.GetValueOrDefault(p.AssetId, ""))).ToList();
        var invested = purchases.Where(p => p.Status == PurchaseStatus.Confirmed).Sum(p => p.Cost.MinorUnits);
        var byKind = rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => Money.FromMinorUnits(g.Sum(r => r.Value.MinorUnits)).Value);
        return new PortfolioView(wallet.Address, rows, history, Money.FromMinorUnits(invested).Value,
            Money.FromMinorUnits(rows.Sum(r => r.Value.MinorUnits)).Value, byKind, purchases.Count(p => p.Status == PurchaseStatus.Submitted));
    }
}
