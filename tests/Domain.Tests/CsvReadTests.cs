using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Tests;

/// <summary>Strict RFC 4180 reading: malformed quoting is an error with its line, never a silently merged cell.</summary>
public class CsvReadTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Records(string text)
    {
        var content = Csv.Read(text);
        Assert.Null(content.Error);
        return content.Records;
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2")]
    [InlineData("\uFEFFa,b\n1,2")]
    [InlineData("a,b\n\n1,2\n\n")]
    [InlineData("a,b\r\n1,2\n")]
    public void Read_AcceptsCrlfLfABomAndBlankLines(string text) =>
        Assert.Equal([["a", "b"], ["1", "2"]], Records(text));

    [Fact]
    public void Read_QuotedFields_HoldSeparatorsDoubledQuotesAndLineBreaks() =>
        Assert.Equal([["x,1", "say \"hi\"", "two\r\nlines", ""]], Records("\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\""));

    [Fact]
    public void Read_EmptyCellsAreKept() =>
        Assert.Equal([["a", "", "c", ""]], Records("a,,c,"));

    [Fact]
    public void Read_WhatCsvWriteWrote_ComesBackCellForCell()
    {
        string[] header = ["name", "note"];
        var text = Csv.Write(header, [[Csv.Cell("a,b"), Csv.Cell("line\nbreak \"quoted\"")]]);

        Assert.Equal([["name", "note"], ["a,b", "line\nbreak \"quoted\""]], Records(text));
    }

    [Theory]
    [InlineData("a,b\r\n1,\"2\r\n3,4\r\n", 2)]
    [InlineData("\"open", 1)]
    [InlineData("a,b\n1,2\n\"x,\"\"y\"\"", 3)]
    public void Read_AnUnterminatedQuotedField_IsAnErrorAtTheLineItOpens(string text, int line)
    {
        var error = Csv.Read(text).Error;

        Assert.Equal(line, error?.Line);
        Assert.Contains("never closed", error!.Message, StringComparison.Ordinal);
        Assert.Empty(Csv.Read(text).Records);
    }

    [Fact]
    public void Read_AQuoteInsideAnUnquotedField_IsKeptAsText() =>
        Assert.Equal([["=HYPERLINK(\"http://evil\")", "2\"3", " \"4\""]], Records("=HYPERLINK(\"http://evil\"),2\"3, \"4\""));

    [Theory]
    [InlineData("a,b\r\n\"1\"2,3\r\n", 2)]
    [InlineData("a,b\n\"1\" ,3\n", 2)]
    [InlineData("\"multi\nline\"x,1", 2)]
    public void Read_TextAfterAClosingQuote_IsAnErrorWithItsLine(string text, int line)
    {
        var error = Csv.Read(text).Error;

        Assert.Equal(line, error?.Line);
        Assert.Contains("text after a closing quote", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RevenueImport_OfAMalformedFile_IsAFileErrorNamingTheLine()
    {
        var preview = RevenueCsv.Parse("reference,date,source,amount\r\nA,2026-10-01,rent,10\r\nB,2026-10-02,\"rent,20\r\nC,2026-10-03,rent,30\r\n", new DateOnly(2026, 11, 26), new HashSet<string>());

        Assert.Empty(preview.Rows);
        Assert.Equal("The file is not valid CSV at line 3: a quoted field is never closed (a quote is missing before the end of the file).", preview.FileError);
    }
}
