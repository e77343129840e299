using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Tests;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    public void Cell_EscapesFormulasAndQuotesSeparators(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Number_IsWrittenAsIs() => Assert.Equal("-42", Csv.Number(-42));

    [Fact]
    public void PortfolioExport_HasAHeaderAndOneFormulaSafeRowPerPurchase()
    {
        var purchase = new PurchaseView(Guid.NewGuid(), new Assets.AssetId(Guid.NewGuid()), "=cmd|' /C calc'!A0", 40, Money.FromMinorUnits(25_000_000).Value,
            BasisPoints.Create(250).Value, Money.FromMinorUnits(1_000_000_000).Value, Money.FromMinorUnits(25_000_000).Value, PurchaseStatus.Confirmed,
            "0xabc", 12, null, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), null);

        var lines = PortfolioCsv.Write([purchase]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("date_utc,type,asset,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",'=cmd|' /C calc'!A0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",40,25.000000,1000.000000,25.000000,250,Confirmed,0xabc,", lines[1], StringComparison.Ordinal);
    }
}
