using System.Globalization;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
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

/// <summary>The investor's history as CSV (formula-safe cells).</summary>
public sealed record ExportPortfolioHistory(string UserId) : IQuery<Result<string>>;

public sealed class ExportPortfolioHistoryHandler(ISender sender) : IQueryHandler<ExportPortfolioHistory, Result<string>>
{
    public async ValueTask<Result<string>> Handle(ExportPortfolioHistory query, CancellationToken cancellationToken)
    {
        var portfolio = await sender.Send(new GetPortfolio(query.UserId), cancellationToken);
        return portfolio.IsSuccess ? PortfolioCsv.Write(portfolio.Value.History) : portfolio.Error!;
    }
}

public static class PortfolioCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["date_utc", "type", "asset", "asset_id", "quantity", "price_per_fraction", "amount", "commission", "commission_bps", "status", "tx_hash", "note"];

    public static string Write(IEnumerable<PurchaseView> history) =>
        Csv.Write(Header, history.Select(p => (IReadOnlyList<string>)
        [
            Csv.Cell(p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            "purchase",
            Csv.Cell(p.AssetName),
            Csv.Cell(p.AssetId.ToString()),
            Csv.Number(p.Quantity),
            Csv.Cell(Plain(p.PricePerFraction)),
            Csv.Cell(Plain(p.Cost)),
            Csv.Cell(Plain(p.Commission)),
            Csv.Number(p.CommissionBps.Value),
            Csv.Cell(p.Status.ToString()),
            Csv.Cell(p.TxHash),
            Csv.Cell(p.FailureReason),
        ]));

    /// <summary>A spreadsheet-friendly amount: no thousands separators, six decimals.</summary>
    private static string Plain(Money money) =>
        (money.MinorUnits / Money.UnitsPerWhole).ToString(CultureInfo.InvariantCulture) + "." + (money.MinorUnits % Money.UnitsPerWhole).ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>Development faucet: mints test stablecoin to the caller's wallet (one request in flight at a time).</summary>
public sealed record RequestTestFunds(string UserId) : ICommand<Result<Guid>>
{
    public static readonly Money Amount = Money.FromMinorUnits(10_000 * Money.UnitsPerWhole).Value;
}

public sealed class RequestTestFundsHandler(IWalletService wallets, IChainOutbox outbox, IChainMonitor monitor, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RequestTestFunds, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RequestTestFunds command, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(command.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        var previous = await monitor.ListByKeyPrefixAsync($"faucet:{command.UserId}:", cancellationToken);
        if (previous.Any(o => o.Status is not (ChainOperationStatus.Confirmed or ChainOperationStatus.Failed)))
        {
            return Error.Conflict("faucet.busy", "Your previous faucet request is still being minted.");
        }

        var key = $"faucet:{command.UserId}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        var operation = await outbox.EnqueueAsync(new MintTestStablecoin(wallet.Address, RequestTestFunds.Amount.MinorUnits), key, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return operation.Id;
    }
}

/// <summary>The stablecoin balance of the caller's wallet, read from the chain.</summary>
public sealed record GetWalletBalance(string UserId) : IQuery<Result<Money>>;

public sealed class GetWalletBalanceHandler(IWalletService wallets, IInvestorChainReader chain) : IQueryHandler<GetWalletBalance, Result<Money>>
{
    public async ValueTask<Result<Money>> Handle(GetWalletBalance query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        try
        {
            return Money.FromMinorUnits(await chain.StablecoinBalanceAsync(wallet.Address, cancellationToken)).Value;
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now.");
        }
    }
}
