using System.Text;

namespace TokenPlatform.Bench;

/// <summary>A plain-text table with a header row and right-aligned figures.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = headers[c].Length;
            foreach (var row in _rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        Append(text, headers, widths);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            text.Append(c == 0 ? cells[c].PadRight(widths[c]) : " | " + cells[c].PadLeft(widths[c]));
        }

        text.AppendLine();
    }
}
