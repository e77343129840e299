using System.Globalization;
using Mediator;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>The signed-in user's statement for a calendar year: every distribution line that paid one of their addresses.</summary>
public sealed record GetYearlyStatement(string UserId, int Year) : IQuery<Result<string>>;

public sealed class GetYearlyStatementHandler(IWalletService wallets, IDistributionStore distributions) : IQueryHandler<GetYearlyStatement, Result<string>>
{
    public static readonly IReadOnlyList<string> Header = ["date_utc", "distribution_id", "asset_token_id", "role", "basis", "amount_minor_units", "amount_usd", "status"];

    public async ValueTask<Result<string>> Handle(GetYearlyStatement query, CancellationToken cancellationToken)
    {
        if (query.Year is < 2000 or > 2100)
        {
            return Error.Validation("Year", "Choose a year between 2000 and 2100.");
        }

        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        var addresses = new[] { wallet.Address, wallet.PayoutAddress }.OfType<string>().ToList();
        var from = new DateTimeOffset(query.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var lines = await distributions.LinesToAsync(addresses, from, from.AddYears(1), cancellationToken);
        return Csv.Write(Header, lines.Where(x => x.Line.Kind is DistributionLineKind.Payee or DistributionLineKind.Holder).Select(x => (IReadOnlyList<string>)
        [
            Csv.Cell(x.Distribution.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            Csv.Cell(x.Distribution.Id.ToString()),
            Csv.Number(x.Distribution.OnChainTokenId),
            Csv.Cell(x.Line.Kind == DistributionLineKind.Payee ? $"payee: {x.Line.Label}" : "holder"),
            Csv.Cell(x.Line.Kind == DistributionLineKind.Payee ? $"{x.Line.Bps} bps" : $"{x.Line.Fractions} fractions"),
            Csv.Number(x.Line.Amount.MinorUnits),
            Csv.Cell(x.Line.Amount.ToString().Replace(",", "", StringComparison.Ordinal)),
            Csv.Cell(x.Distribution.Status.ToString()),
        ]));
    }
}
