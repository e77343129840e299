using System.Globalization;
using System.Text;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// RFC 4180 CSV for exports opened in spreadsheets: fields are quoted when needed, and a cell that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with
/// an apostrophe so it is shown as text.
/// </summary>
public static partial class Csv
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
}
