using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Tests;

/// <summary>Statement validation: every row is checked and explained; only valid, new rows are importable.</summary>
public class RevenueImportTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static RevenueImportPreview Parse(string body, params string[] recorded) =>
        RevenueCsv.Parse("reference,date,source,amount,currency,description\r\n" + body, Today, recorded.ToHashSet(StringComparer.Ordinal));

    private static IReadOnlyList<FieldError> ErrorsOf(string row) => Assert.Single(Parse(row).Rows).Errors;

    [Fact]
    public void AValidRow_BecomesALine()
    {
        var row = Assert.Single(Parse("SPOT-1,2026-10-31,streaming,1250.50,USD,\"Spotify, October\"").Rows);

        Assert.True(row.Valid);
        Assert.Equal(new RevenueLine("SPOT-1", new DateOnly(2026, 10, 31), RevenueSource.Streaming, Money.FromMinorUnits(1_250_500_000).Value, "Spotify, October"), row.Line);
    }

    [Theory]
    [InlineData("R,2026-13-01,streaming,10,USD,", "Date", "is not a date")]
    [InlineData("R,31/10/2026,streaming,10,USD,", "Date", "is not a date")]
    [InlineData("R,2026-11-27,streaming,10,USD,", "Date", "in the future")]
    [InlineData("R,,streaming,10,USD,", "Date", "required")]
    [InlineData("R,2026-10-31,streaming,-10,USD,", "Amount", "must be positive")]
    [InlineData("R,2026-10-31,streaming,0,USD,", "Amount", "must be positive")]
    [InlineData("R,2026-10-31,streaming,ten,USD,", "Amount", "is not an amount")]
    [InlineData("R,2026-10-31,streaming,1.0000001,USD,", "Amount", "is not an amount")]
    [InlineData("R,2026-10-31,streaming,10,EUR,", "Currency", "Unknown currency 'EUR'")]
    [InlineData("R,2026-10-31,podcast,10,USD,", "Source", "Unknown source 'podcast'")]
    [InlineData("R,2026-10-31,7,10,USD,", "Source", "Unknown source '7'")]
    [InlineData(",2026-10-31,streaming,10,USD,", "Reference", "required")]
    [InlineData("=HYPERLINK(\"http://evil\"),2026-10-31,streaming,10,USD,", "Reference", "formula injection")]
    [InlineData("R,2026-10-31,streaming,10,USD,@SUM(A1:A9)", "Description", "formula injection")]
    [InlineData("R,2026-10-31,streaming,10,USD,+cmd", "Description", "formula injection")]
    public void BadRows_AreRefusedOnTheirField_InWords(string row, string field, string message)
    {
        var error = Assert.Single(ErrorsOf(row), e => e.Field == field);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourcesAreReadLeniently_AndCurrencyIsOptional()
    {
        var preview = Parse("A,2026-10-31,Resale_Royalty,1,,\r\nB,2026-10-31,resale-royalty,1,usd,\r\nC,2026-10-31,RENT,1,USD,");

        Assert.All(preview.Rows, r => Assert.True(r.Valid));
        Assert.Equal([RevenueSource.ResaleRoyalty, RevenueSource.ResaleRoyalty, RevenueSource.Rent], preview.Rows.Select(r => r.Line!.Source));
    }

    [Fact]
    public void DuplicateReferences_InTheFileOrAlreadyRecorded_AreNotImportable()
    {
        var preview = Parse("A,2026-10-31,streaming,1,USD,\r\nA,2026-10-31,streaming,2,USD,\r\nB,2026-10-31,streaming,3,USD,", "B");

        Assert.Equal(1, preview.ValidCount);
        Assert.Contains("appears twice in this file", preview.Rows[1].Errors[0].Message, StringComparison.Ordinal);
        Assert.True(preview.Rows[2].Duplicate);
        Assert.Contains("Already recorded", preview.Rows[2].Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("ref,when,amount\r\nA,2026-10-31,1", "missing: reference, date, source")]
    [InlineData("reference,date,source,amount\r\n", "no rows")]
    public void BadFiles_AreRefusedAsAWhole(string text, string message) =>
        Assert.Contains(message, RevenueCsv.Parse(text, Today, new HashSet<string>()).FileError, StringComparison.Ordinal);

    [Fact]
    public void ColumnsMayComeInAnyOrder_WithQuotedSeparatorsAndABom()
    {
        var preview = RevenueCsv.Parse("\uFEFFamount,SOURCE,Date,reference\r\n\"1,250.50\",sale,2026-10-01,\"X,1\"\n", Today, new HashSet<string>());

        var line = Assert.Single(preview.Rows).Line!;
        Assert.Equal(("X,1", RevenueSource.Sale, 1_250_500_000L), (line.Reference, line.Source, line.Amount.MinorUnits));
    }

    [Fact]
    public void ApiItems_TakeIntegerMinorUnits()
    {
        Assert.Equal(1, RevenueLineRules.Parse("A", "2026-10-31", "streaming", 1L, null, null, Today).Value.Amount.MinorUnits);
        Assert.Contains("positive integer in minor units", RevenueLineRules.Parse("A", "2026-10-31", "streaming", 0L, null, null, Today).Error!.Fields.Single().Message, StringComparison.Ordinal);
    }
}
