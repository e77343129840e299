using System.Globalization;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

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
