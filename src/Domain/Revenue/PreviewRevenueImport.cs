using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

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
