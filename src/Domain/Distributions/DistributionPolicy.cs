using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

public enum DistributionMode
{
    /// <summary>Someone presses "run" (the default).</summary>
    Manual = 1,

    /// <summary>As soon as deposits reach the minimum.</summary>
    OnArrival = 2,

    Daily = 3,
    Weekly = 4,
    Monthly = 5,
}

/// <summary>
/// How an asset's deposits are distributed: by hand, on arrival or on a schedule, never for less than
/// <see cref="Minimum"/> (so dust does not cost more gas than it pays). Set by the issuer.
/// </summary>
public sealed class DistributionPolicy
{
    private DistributionPolicy()
    {
        UpdatedBy = "";
    }

    public DistributionPolicy(AssetId assetId, DistributionMode mode, Money minimum, string updatedBy, DateTimeOffset now, bool fundRecordedRevenue = false)
    {
        AssetId = assetId;
        UpdatedBy = updatedBy;
        Change(mode, minimum, updatedBy, now, fundRecordedRevenue);
    }

    public AssetId AssetId { get; private set; }

    public DistributionMode Mode { get; private set; }

    public Money Minimum { get; private set; }

    /// <summary>
    /// Automatic runs also pay the revenue recorded by form, statement or API, drawn from the issuer's
    /// wallet under the issuer's standing authorization (deposits need no authorization: they are on chain).
    /// </summary>
    public bool FundRecordedRevenue { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsAutomatic => Mode != DistributionMode.Manual;

    public void Change(DistributionMode mode, Money minimum, string updatedBy, DateTimeOffset now, bool fundRecordedRevenue = false)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode));
        }

        (Mode, Minimum, UpdatedBy, UpdatedAt, FundRecordedRevenue) = (mode, minimum, updatedBy, now, fundRecordedRevenue);
    }

    /// <summary>Whether a run is due now, given when the asset's last distribution took its holders.</summary>
    public bool IsDue(DateTimeOffset? lastRecordTime, DateTimeOffset now) => Mode switch
    {
        DistributionMode.OnArrival => true,
        DistributionMode.Daily => lastRecordTime is not { } last || now >= last.AddDays(1),
        DistributionMode.Weekly => lastRecordTime is not { } last || now >= last.AddDays(7),
        DistributionMode.Monthly => lastRecordTime is not { } last || now >= last.AddMonths(1),
        _ => false,
    };

    public static string Describe(DistributionMode mode) => mode switch
    {
        DistributionMode.Manual => "manual",
        DistributionMode.OnArrival => "on arrival",
        _ => mode.ToString().ToLowerInvariant(),
    };
}
