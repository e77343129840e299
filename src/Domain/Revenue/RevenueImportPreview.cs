using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

/// <summary>One row of a statement as the user sees it before importing.</summary>
public sealed record RevenueImportRow(int Row, IReadOnlyList<string> Cells, RevenueLine? Line, IReadOnlyList<FieldError> Errors, bool Duplicate)
{
    public bool Valid => Line is not null && !Duplicate;
}

public sealed record RevenueImportPreview(IReadOnlyList<RevenueImportRow> Rows, string? FileError)
{
    public int ValidCount => Rows.Count(r => r.Valid);

    public int InvalidCount => Rows.Count(r => !r.Valid);
}
