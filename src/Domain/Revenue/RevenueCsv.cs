using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// CSV statements. Columns (header row required, any order, case-insensitive):
/// reference, date (YYYY-MM-DD), source, amount (decimal USD), currency (USD; optional), description (optional).
/// </summary>
public static class RevenueCsv
{
    public const int MaxRows = 10_000;
    public static readonly IReadOnlyList<string> Required = ["reference", "date", "source", "amount"];
    public static readonly IReadOnlyList<string> Optional = ["currency", "description"];

    public static RevenueImportPreview Parse(string text, DateOnly today, IReadOnlySet<string> alreadyRecorded)
    {
        ArgumentNullException.ThrowIfNull(alreadyRecorded);
        var content = Csv.Read(text ?? "");
        if (content.Error is { } malformed)
        {
            return new RevenueImportPreview([], $"The file is not valid CSV at line {malformed.Line}: {malformed.Message}");
        }

        var records = content.Records;
        if (records.Count == 0)
        {
            return new RevenueImportPreview([], "The file is empty.");
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return new RevenueImportPreview([], $"The header row must name the columns {string.Join(", ", Required)} (missing: {string.Join(", ", missing)}).");
        }

        if (records.Count - 1 > MaxRows)
        {
            return new RevenueImportPreview([], $"A statement holds at most {MaxRows:N0} rows; split the file.");
        }

        string? Cell(IReadOnlyList<string> record, string column) => header.IndexOf(column) is var i and >= 0 && i < record.Count ? record[i] : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<RevenueImportRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var line = RevenueLineRules.Parse(Cell(record, "reference"), Cell(record, "date"), Cell(record, "source"), Cell(record, "amount"), Cell(record, "currency"), Cell(record, "description"), today);
            var errors = line.IsSuccess ? [] : line.Error!.Fields.ToList();
            var duplicate = false;
            if (line.IsSuccess && !seen.Add(line.Value.Reference))
            {
                errors.Add(new FieldError("Reference", $"The reference {line.Value.Reference} appears twice in this file."));
            }
            else if (line.IsSuccess && alreadyRecorded.Contains(line.Value.Reference))
            {
                duplicate = true;
                errors.Add(new FieldError("Reference", $"Already recorded: {line.Value.Reference} (importing it again records nothing)."));
            }

            rows.Add(new RevenueImportRow(r + 1, record, errors.Count == 0 || duplicate ? line.Value : null, errors, duplicate));
        }

        return new RevenueImportPreview(rows, rows.Count == 0 ? "The file has a header but no rows." : null);
    }
}
