using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

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
