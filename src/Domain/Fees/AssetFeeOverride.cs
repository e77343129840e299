using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Fees;

/// <summary>
/// Per-asset exceptions to the schedule (a negotiated commission, a fee holiday). A null field means
/// "the schedule in force". Changing it never alters a purchase already accepted.
/// </summary>
public sealed class AssetFeeOverride
{
    private AssetFeeOverride()
    {
        SetBy = "";
    }

    public AssetFeeOverride(AssetId assetId, int? primaryCommissionBps, int? distributionFeeBps, int? managementFeeBps, string setBy, DateTimeOffset setAt)
    {
        AssetId = assetId;
        PrimaryCommissionBps = primaryCommissionBps;
        DistributionFeeBps = distributionFeeBps;
        ManagementFeeBps = managementFeeBps;
        SetBy = setBy;
        SetAt = setAt;
    }

    public AssetId AssetId { get; private set; }

    public int? PrimaryCommissionBps { get; private set; }

    public int? DistributionFeeBps { get; private set; }

    public int? ManagementFeeBps { get; private set; }

    public string SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public void Change(int? primaryCommissionBps, int? distributionFeeBps, int? managementFeeBps, string setBy, DateTimeOffset setAt) =>
        (PrimaryCommissionBps, DistributionFeeBps, ManagementFeeBps, SetBy, SetAt) = (primaryCommissionBps, distributionFeeBps, managementFeeBps, setBy, setAt);

    public string Describe() =>
        $"commission {Text(PrimaryCommissionBps)}; distribution {Text(DistributionFeeBps)}; management {Text(ManagementFeeBps)}/yr";

    private static string Text(int? bps) => bps is { } b ? BasisPoints.Create(b).Value.ToString() : "schedule";
}
