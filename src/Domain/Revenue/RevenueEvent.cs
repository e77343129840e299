using System.Globalization;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

public enum RevenueSource
{
    Rent = 1,
    Streaming = 2,
    Sale = 3,
    ResaleRoyalty = 4,
    Licensing = 5,
    Other = 9,
}

/// <summary>How an event reached the platform.</summary>
public enum RevenueChannel
{
    Form = 1,
    Csv = 2,
    Api = 3,

    /// <summary>A stablecoin transfer to the asset's deposit address, seen on chain (the money is already there).</summary>
    Deposit = 4,
}

/// <summary>Whether an event counts towards distributions.</summary>
public enum RevenueEventStatus
{
    /// <summary>Recorded by the issuer, or confirmed by the issuer: distributions include it.</summary>
    Confirmed = 1,

    /// <summary>Recorded by a payee who is not the issuer: counts only once the issuer confirms it.</summary>
    AwaitingConfirmation = 2,

    /// <summary>The issuer refused a payee's event (with a reason): it never counts.</summary>
    Rejected = 3,

    /// <summary>The issuer voided an undistributed event (with a reason): it never counts.</summary>
    Voided = 4,
}

/// <summary>
/// Money an asset earned (rent, a streaming statement line, a sale...), recorded once per external
/// reference: the same reference recorded again is the same event, not a second one.
/// </summary>
public sealed class RevenueEvent
{
    public const int ReferenceMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    private RevenueEvent()
    {
        ExternalReference = "";
        RecordedBy = "";
    }

    /// <param name="byIssuer">Recorded by the asset's issuer (it counts at once) rather than by a payee (it awaits the issuer's confirmation).</param>
    public RevenueEvent(Guid id, AssetId assetId, RevenueLine line, string recordedBy, RevenueChannel channel, DateTimeOffset recordedAt, bool byIssuer = true)
    {
        Status = byIssuer ? RevenueEventStatus.Confirmed : RevenueEventStatus.AwaitingConfirmation;
        ArgumentNullException.ThrowIfNull(line);
        Id = id;
        AssetId = assetId;
        ExternalReference = line.Reference;
        Source = line.Source;
        AmountMinorUnits = line.Amount.MinorUnits;
        OccurredOn = line.OccurredOn;
        Description = line.Description;
        RecordedBy = recordedBy;
        Channel = channel;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public AssetId AssetId { get; private set; }

    public string ExternalReference { get; private set; }

    public RevenueSource Source { get; private set; }

    /// <summary>Stored as an integer so totals can be summed by the database.</summary>
    public long AmountMinorUnits { get; private set; }

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits).Value;

    public DateOnly OccurredOn { get; private set; }

    public string? Description { get; private set; }

    public string RecordedBy { get; private set; }

    public RevenueChannel Channel { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The distribution that paid this revenue out (null while undistributed).</summary>
    public Guid? DistributionId { get; private set; }

    public RevenueEventStatus Status { get; private set; }

    /// <summary>Who confirmed, rejected or voided the event, when, and why.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewReason { get; private set; }

    /// <summary>Marks the event as paid out by a distribution (once; confirmed events only).</summary>
    public void AssignTo(Guid distributionId)
    {
        if (DistributionId is not null && DistributionId != distributionId)
        {
            throw new InvalidOperationException($"Revenue event {Id} was already distributed by {DistributionId}.");
        }

        if (Status != RevenueEventStatus.Confirmed)
        {
            throw new InvalidOperationException($"Revenue event {Id} is {Status}: only confirmed revenue is distributed.");
        }

        DistributionId = distributionId;
    }

    /// <summary>The same new event, recorded by a payee who is not the issuer: it waits for the issuer's confirmation.</summary>
    public RevenueEvent AsRecordedByPayee()
    {
        if (DistributionId is null && Status == RevenueEventStatus.Confirmed && ReviewedBy is null)
        {
            Status = RevenueEventStatus.AwaitingConfirmation;
        }

        return this;
    }

    /// <summary>The distribution that took this event was cancelled: the event is undistributed again.</summary>
    public void Release(Guid distributionId)
    {
        if (DistributionId == distributionId)
        {
            DistributionId = null;
        }
    }

    /// <summary>The issuer confirms (or refuses) an event a payee recorded.</summary>
    public Result<RevenueEventStatus> Review(bool confirm, string reviewerId, string? reason, DateTimeOffset now)
    {
        if (Status != RevenueEventStatus.AwaitingConfirmation)
        {
            return Error.Conflict("revenue.not_awaiting", $"The event {ExternalReference} is not awaiting confirmation (it is {Describe(Status)}).");
        }

        if (!confirm && string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Say why the event is refused.");
        }

        Status = confirm ? RevenueEventStatus.Confirmed : RevenueEventStatus.Rejected;
        (ReviewedBy, ReviewedAt, ReviewReason) = (reviewerId, now, reason?.Trim());
        return Status;
    }

    /// <summary>The issuer withdraws an undistributed event (a mistake, a fake): it never counts.</summary>
    public Result<RevenueEventStatus> Void(string reviewerId, string reason, DateTimeOffset now)
    {
        if (DistributionId is not null)
        {
            return Error.Conflict("revenue.distributed", $"The event {ExternalReference} was already paid out by a distribution and cannot be voided.");
        }

        if (Status is RevenueEventStatus.Voided or RevenueEventStatus.Rejected)
        {
            return Error.Conflict("revenue.not_active", $"The event {ExternalReference} is already {Describe(Status)}.");
        }

        if (Channel == RevenueChannel.Deposit)
        {
            // The money is at the asset's deposit address: voiding the event would leave it there for good.
            return Error.Conflict("revenue.deposit", $"The event {ExternalReference} is a deposit already on chain at the asset's deposit address; it cannot be voided.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Say why the event is voided.");
        }

        Status = RevenueEventStatus.Voided;
        (ReviewedBy, ReviewedAt, ReviewReason) = (reviewerId, now, reason.Trim());
        return Status;
    }

    public static string Describe(RevenueEventStatus status) => status switch
    {
        RevenueEventStatus.Confirmed => "confirmed",
        RevenueEventStatus.AwaitingConfirmation => "awaiting the issuer's confirmation",
        RevenueEventStatus.Rejected => "refused by the issuer",
        RevenueEventStatus.Voided => "voided",
        _ => status.ToString(),
    };
}
