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

    /// <summary>
    /// Which of these references the asset holds in an event that does not count (awaiting confirmation,
    /// refused or voided): the issuer recording the same reference must not have its line taken for a duplicate.
    /// </summary>
    Task<IReadOnlySet<string>> UnconfirmedReferencesAsync(AssetId assetId, IReadOnlyCollection<string> references, CancellationToken cancellationToken);

    Task<IReadOnlyList<RevenueEvent>> ListAsync(AssetId assetId, int take, CancellationToken cancellationToken);

    /// <summary>Totals per month and source (for charts), oldest first.</summary>
    Task<IReadOnlyList<RevenueTotal>> TotalsAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Confirmed revenue not yet paid out by a distribution, oldest first.</summary>
    Task<IReadOnlyList<RevenueEvent>> UndistributedAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Same, tracked by the unit of work (to assign them to a distribution in the same commit).</summary>
    Task<IReadOnlyList<RevenueEvent>> UndistributedForUpdateAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Events payees recorded that wait for the issuer's confirmation, oldest first.</summary>
    Task<IReadOnlyList<RevenueEvent>> AwaitingConfirmationAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>The asset's events with these ids, tracked by the unit of work.</summary>
    Task<IReadOnlyList<RevenueEvent>> FindForUpdateAsync(AssetId assetId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The events a distribution took, tracked (to release them when it is cancelled).</summary>
    Task<IReadOnlyList<RevenueEvent>> AssignedToForUpdateAsync(Guid distributionId, CancellationToken cancellationToken);
}

/// <summary>Monthly total per source; 128-bit so no number of events can overflow it.</summary>
public sealed record RevenueTotal(int Year, int Month, RevenueSource Source, Int128 AmountMinorUnits, int Events);
