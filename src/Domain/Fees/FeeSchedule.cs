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
        "system default",
        now);
}

/// <summary>Fee schedule versions.</summary>
public interface IFeeScheduleRepository
{
    /// <summary>The version in force at <paramref name="at"/>; seeds the default when none exists.</summary>
    Task<FeeSchedule> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Money the platform earned (listing fees, commissions...), for the revenue dashboard and reconciliation.</summary>
public sealed class PlatformRevenueEntry
{
    public PlatformRevenueEntry(Guid id, string kind, Guid? assetId, Money amount, DateTimeOffset recordedAt)
    {
        Id = id;
        Kind = kind;
        AssetId = assetId;
        Amount = amount;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; }

    public Guid? AssetId { get; private set; }

    public Money Amount { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public const string ListingFeeKind = "listing-fee";

    public const string PrimaryCommissionKind = "primary-commission";

    public const string DistributionFeeKind = "distribution-fee";

    public const string ManagementFeeKind = "management-fee";
}

public interface IPlatformRevenue
{
    void Record(PlatformRevenueEntry entry);
}
