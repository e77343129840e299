using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>Revenue events. Writes are idempotent by (asset, external reference).</summary>
public interface IRevenueStore
{
    /// <summary>
    /// Records the events whose reference the asset does not have yet, atomically (all the new ones or
    /// none); returns how many were new. References must be unique within the batch.
    /// </summary>
    Task<int> AddNewAsync(IReadOnlyList<RevenueEvent> events, CancellationToken cancellationToken);

    /// <summary>Which of these references the asset already recorded.</summary>
    Task<IReadOnlySet<string>> ExistingReferencesAsync(AssetId assetId, IReadOnlyCollection<string> references, CancellationToken cancellationToken);

    Task<IReadOnlyList<RevenueEvent>> ListAsync(AssetId assetId, int take, CancellationToken cancellationToken);

    /// <summary>Totals per month and source (for charts), oldest first.</summary>
    Task<IReadOnlyList<RevenueTotal>> TotalsAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Recorded revenue not yet paid out by a distribution.</summary>
    Task<IReadOnlyList<RevenueEvent>> UndistributedAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Same, tracked by the unit of work (to assign them to a distribution in the same commit).</summary>
    Task<IReadOnlyList<RevenueEvent>> UndistributedForUpdateAsync(AssetId assetId, CancellationToken cancellationToken);
}

public sealed record RevenueTotal(int Year, int Month, RevenueSource Source, long AmountMinorUnits, int Events);
