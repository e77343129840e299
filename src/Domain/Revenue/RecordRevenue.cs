using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Revenue;

public sealed record RecordedRevenue(int Received, int Recorded, int Duplicates);

/// <summary>One event typed in the browser.</summary>
public sealed record RecordRevenue(string UserId, AssetId AssetId, string Reference, string Date, string Source, string Amount, string? Description)
    : ICommand<Result<RecordedRevenue>>;

public sealed class RecordRevenueHandler(RevenueAccess access, IRevenueStore store, TimeProvider clock) : ICommandHandler<RecordRevenue, Result<RecordedRevenue>>
{
    public async ValueTask<Result<RecordedRevenue>> Handle(RecordRevenue command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var line = RevenueLineRules.Parse(command.Reference, command.Date, command.Source, command.Amount, RevenueLineRules.Currency, command.Description, DateOnly.FromDateTime(now.UtcDateTime));
        if (!line.IsSuccess)
        {
            return line.Error!;
        }

        var asset = await access.LoadAsync(command.AssetId, command.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var byIssuer = asset.Value.IssuerId == command.UserId;
        if (byIssuer && (await store.UnconfirmedReferencesAsync(command.AssetId, [line.Value.Reference], cancellationToken)).Count > 0)
        {
            return Error.Validation("Reference", RevenueImports.HeldByPayee(line.Value.Reference));
        }

        var recorded = await store.AddNewAsync([new RevenueEvent(Guid.CreateVersion7(), command.AssetId, line.Value, command.UserId, RevenueChannel.Form, now, byIssuer)], cancellationToken);
        return new RecordedRevenue(1, recorded, 1 - recorded);
    }
}

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

/// <summary>Validates a statement and shows every row, recording nothing.</summary>
public sealed record PreviewRevenueImport(string UserId, AssetId AssetId, string Csv) : IQuery<Result<RevenueImportPreview>>;

public sealed class PreviewRevenueImportHandler(RevenueAccess access, IRevenueStore store, TimeProvider clock) : IQueryHandler<PreviewRevenueImport, Result<RevenueImportPreview>>
{
    public async ValueTask<Result<RevenueImportPreview>> Handle(PreviewRevenueImport query, CancellationToken cancellationToken)
    {
        var asset = await access.LoadAsync(query.AssetId, query.UserId, cancellationToken);
        return asset.IsSuccess ? await RevenueImports.PreviewAsync(store, query.AssetId, query.Csv, asset.Value.IssuerId == query.UserId, clock, cancellationToken) : asset.Error!;
    }
}

/// <summary>Imports the valid rows of a statement, all or nothing (duplicates and invalid rows are skipped).</summary>
public sealed record ImportRevenue(string UserId, AssetId AssetId, string Csv) : ICommand<Result<RecordedRevenue>>;

public sealed class ImportRevenueHandler(RevenueAccess access, IRevenueStore store, TimeProvider clock) : ICommandHandler<ImportRevenue, Result<RecordedRevenue>>
{
    public async ValueTask<Result<RecordedRevenue>> Handle(ImportRevenue command, CancellationToken cancellationToken)
    {
        var asset = await access.LoadAsync(command.AssetId, command.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var byIssuer = asset.Value.IssuerId == command.UserId;
        var preview = await RevenueImports.PreviewAsync(store, command.AssetId, command.Csv, byIssuer, clock, cancellationToken);
        if (preview.FileError is { } fileError)
        {
            return Error.Validation("File", fileError);
        }

        var now = clock.GetUtcNow();
        var valid = preview.Rows.Where(r => r.Valid).Select(r => new RevenueEvent(Guid.CreateVersion7(), command.AssetId, r.Line!, command.UserId, RevenueChannel.Csv, now, byIssuer)).ToList();
        if (valid.Count == 0)
        {
            return Error.Validation("File", "No valid new row to import.");
        }

        var recorded = await store.AddNewAsync(valid, cancellationToken);
        return new RecordedRevenue(preview.Rows.Count, recorded, preview.Rows.Count - recorded);
    }
}

internal static class RevenueImports
{
    /// <param name="byIssuer">The issuer imports: a reference a payee's event holds without counting is refused, not taken for a duplicate.</param>
    public static async Task<RevenueImportPreview> PreviewAsync(IRevenueStore store, AssetId assetId, string csv, bool byIssuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstPass = RevenueCsv.Parse(csv, today, new HashSet<string>());
        if (firstPass.FileError is not null)
        {
            return firstPass;
        }

        var references = firstPass.Rows.Where(r => r.Line is not null).Select(r => r.Line!.Reference).ToList();
        var existing = await store.ExistingReferencesAsync(assetId, references, cancellationToken);
        var preview = existing.Count == 0 ? firstPass : RevenueCsv.Parse(csv, today, existing);
        var held = byIssuer && existing.Count > 0 ? await store.UnconfirmedReferencesAsync(assetId, existing, cancellationToken) : new HashSet<string>();
        return held.Count == 0 ? preview : preview with
        {
            Rows = preview.Rows.Select(r => r.Line is { } l && held.Contains(l.Reference)
                ? r with { Line = null, Duplicate = false, Errors = [new FieldError("Reference", HeldByPayee(l.Reference))] }
                : r).ToList(),
        };
    }

    public static string HeldByPayee(string reference) =>
        $"The reference {reference} belongs to an event a payee recorded that does not count (awaiting your confirmation, refused or voided): confirm it on the revenue page, or use another reference.";
}
