using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Fees;

/// <summary>
/// The platform's fees from <see cref="EffectiveFrom"/> on. Versions are never edited: a change is a
/// new version, so terms accepted under an older one keep their fees.
/// </summary>
public sealed class FeeSchedule
{
    private FeeSchedule(Guid id, DateTimeOffset effectiveFrom, Money listingFee, BasisPoints primaryCommission, BasisPoints tradingFee,
        BasisPoints resaleRoyaltyCap, BasisPoints managementFeePerYear, BasisPoints distributionFee, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        EffectiveFrom = effectiveFrom;
        ListingFee = listingFee;
        PrimaryCommission = primaryCommission;
        TradingFee = tradingFee;
        ResaleRoyaltyCap = resaleRoyaltyCap;
        ManagementFeePerYear = managementFeePerYear;
        DistributionFee = distributionFee;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    /// <summary>Flat fee charged when an asset is approved for listing.</summary>
    public Money ListingFee { get; private set; }

    public BasisPoints PrimaryCommission { get; private set; }

    public BasisPoints TradingFee { get; private set; }

    public BasisPoints ResaleRoyaltyCap { get; private set; }

    public BasisPoints ManagementFeePerYear { get; private set; }

    public BasisPoints DistributionFee { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last operation of the chain that applies this version's on-chain parameters (null until queued).</summary>
    public Guid? ChainOperationId { get; private set; }

    /// <summary>The on-chain contracts refuse a primary commission above 50%.</summary>
    public const int MaxPrimaryCommissionBps = 5_000;

    /// <summary>A new version. Values are checked; the effective time may not be in the past (a minute of slack).</summary>
    public static Result<FeeSchedule> Publish(DateTimeOffset effectiveFrom, Money listingFee, int primaryCommissionBps, int tradingFeeBps, int resaleRoyaltyCapBps,
        int managementFeeBps, int distributionFeeBps, string createdBy, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .When(effectiveFrom < now.AddMinutes(-1), nameof(EffectiveFrom), "A new schedule cannot take effect in the past.")
            .When(primaryCommissionBps is < 0 or > MaxPrimaryCommissionBps, nameof(PrimaryCommission), "The primary commission must be between 0% and 50%.")
            .When(tradingFeeBps is < 0 or > 1_000, nameof(TradingFee), "The trading fee must be between 0% and 10%.")
            .When(resaleRoyaltyCapBps is < 0 or > 5_000, nameof(ResaleRoyaltyCap), "The resale royalty cap must be between 0% and 50%.")
            .When(managementFeeBps is < 0 or > 1_000, nameof(ManagementFeePerYear), "The management fee must be between 0% and 10% per year.")
            .When(distributionFeeBps is < 0 or > 2_000, nameof(DistributionFee), "The distribution fee must be between 0% and 20%.");
        return errors.Errors.Count > 0
            ? Result<FeeSchedule>.Invalid(errors.Errors)
            : new FeeSchedule(Guid.CreateVersion7(), effectiveFrom, listingFee, BasisPoints.Create(primaryCommissionBps).Value, BasisPoints.Create(tradingFeeBps).Value,
                BasisPoints.Create(resaleRoyaltyCapBps).Value, BasisPoints.Create(managementFeeBps).Value, BasisPoints.Create(distributionFeeBps).Value, createdBy, now);
    }

    public void QueuedOnChain(Guid lastOperationId) => ChainOperationId ??= lastOperationId;

    /// <summary>A readable summary of the values, for the audit trail.</summary>
    public string Describe() =>
        $"listing {ListingFee} USD; primary commission {PrimaryCommission}; trading fee {TradingFee}; resale royalty cap {ResaleRoyaltyCap}; management {ManagementFeePerYear}/yr; distribution {DistributionFee}; from {EffectiveFrom:yyyy-MM-dd HH:mm} UTC";

    /// <summary>The schedule used until an admin sets one: the platform's launch prices.</summary>
    public static FeeSchedule Default(DateTimeOffset now) => new(
        Guid.CreateVersion7(),
        DateTimeOffset.UnixEpoch,
        Money.FromMinorUnits(500 * Money.UnitsPerWhole).Value,
        BasisPoints.Create(250).Value,
        BasisPoints.Create(30).Value,
        BasisPoints.Create(1_000).Value,
        BasisPoints.Create(100).Value,
        BasisPoints.Create(100).Value,
        SystemDefault,
        now);

    /// <summary>The author of the default schedule (its values match the contracts' deployment values).</summary>
    public const string SystemDefault = "system default";
}
