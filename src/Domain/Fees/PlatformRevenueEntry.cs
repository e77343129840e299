using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Fees;

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
