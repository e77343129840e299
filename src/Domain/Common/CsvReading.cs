using System.Text;

namespace TokenPlatform.Domain.Common;

/// <summary>Where a file stops being RFC 4180 CSV: the 1-based physical line and what is wrong there.</summary>
public sealed record CsvError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>The records of a file, or the first place it is malformed (then no records).</summary>
public sealed record CsvContent(IReadOnlyList<IReadOnlyList<string>> Records, CsvError? Error)
{
    public bool IsValid => Error is null;
}

// Hand-written rather than Sep or CsvHelper: the Domain project takes no package but Mediator
// (DependencyRuleTests), both libraries report malformed quoting through exceptions or callbacks
// rather than values, and the strict grammar below is a few states.
public static partial class Csv
{
    private enum Field
    {
        Start,
        Unquoted,
        Quoted,
        Closed,
    }

    /// <summary>
    /// Reads RFC 4180 records strictly where a field's bounds are at stake: a quoted field may hold
    /// separators, doubled quotes and line breaks; text after a closing quote and a quoted field left
    /// open at the end of the file are errors. A quote in the middle of an unquoted field is kept as
    /// text (it cannot move a boundary, and statements quoting a formula such as =HYPERLINK("x") must
    /// reach the formula-injection rule as a row). CRLF and LF both end a record, a leading BOM is
    /// skipped, blank lines are skipped. Cells are returned as written (callers validate them).
    /// </summary>
    public static CsvContent Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var state = Field.Start;
        var line = 1;
        var quoteOpenedOn = 0;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'));
            if (state == Field.Quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    state = Field.Closed;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
                state = Field.Start;
            }
            else if (c is '\r' or '\n')
            {
                if (lineBreak)
                {
                    EndRow(rows, row, cell);
                    row = [];
                    state = Field.Start;
                }
            }
            else if (state == Field.Closed)
            {
                return Malformed(line, "text after a closing quote (a quoted field ends at its closing quote, right before a comma or the end of the line).");
            }
            else if (c == '"' && state == Field.Start)
            {
                state = Field.Quoted;
                quoteOpenedOn = line;
            }
            else
            {
                cell.Append(c);
                state = Field.Unquoted;
            }

            if (lineBreak)
            {
                line++;
            }
        }

        if (state == Field.Quoted)
        {
            return Malformed(quoteOpenedOn, "a quoted field is never closed (a quote is missing before the end of the file).");
        }

        EndRow(rows, row, cell);
        return new CsvContent(rows, null);
    }

    private static CsvContent Malformed(int line, string message) => new([], new CsvError(line, message));

    private static void EndRow(List<IReadOnlyList<string>> rows, List<string> row, StringBuilder cell)
    {
        row.Add(cell.ToString());
        cell.Clear();
        if (row.Count > 1 || row[0].Length > 0)
        {
            rows.Add(row);
        }
    }
}
