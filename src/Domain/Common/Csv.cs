using System.Globalization;
using System.Text;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// RFC 4180 CSV for exports opened in spreadsheets: fields are quoted when needed, and a cell that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with
/// an apostrophe so it is shown as text.
/// </summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A number cell: written as is (never escaped, so negative amounts stay numbers).</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The header (escaped here) and rows whose cells were made with <see cref="Cell"/> or <see cref="Number"/>.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        builder.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            builder.AppendJoin(',', row).Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads RFC 4180 records: quoted fields may hold separators, quotes ("") and line breaks.
    /// Blank lines are skipped. Cells are returned as written (callers validate them).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow(rows, row, cell);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        EndRow(rows, row, cell);
        return rows;
    }

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
