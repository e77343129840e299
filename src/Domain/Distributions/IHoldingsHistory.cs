namespace TokenPlatform.Domain.Distributions;

/// <summary>Who held an asset's fractions at a point in time, from the indexed chain history.</summary>
public interface IHoldingsHistory
{
    /// <summary>
    /// Balances at <paramref name="at"/> (positive only), or null when the indexer has not yet
    /// processed blocks up to that time.
    /// </summary>
    Task<IReadOnlyList<HolderPosition>?> AtAsync(long onChainTokenId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The address holding unsold fractions (the primary-sale escrow), whose share belongs to the issuer.</summary>
    Task<string?> EscrowAddressAsync(CancellationToken cancellationToken);
}
