using System.Globalization;
using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Something an administrator (or the system) did that must be traceable: who, when, what, and the values before and after.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorId = "";
        Action = "";
        Subject = "";
    }

    public AuditEntry(Guid id, DateTimeOffset at, string actorId, string action, Guid? assetId, string subject, string? before, string? after, string? reason)
    {
        Id = id;
        At = at;
        ActorId = actorId;
        Action = action;
        AssetId = assetId;
        Subject = subject;
        Before = before;
        After = after;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    /// <summary>A stable name such as <c>fees.publish</c> or <c>asset.pause</c> (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; }

    public Guid? AssetId { get; private set; }

    /// <summary>What was acted on (an asset name, an address, a fee schedule version...).</summary>
    public string Subject { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Reason { get; private set; }
}

public static class AuditActions
{
    public const string AssetApprove = "asset.approve";
    public const string AssetReject = "asset.reject";
    public const string KycApprove = "kyc.approve";
    public const string KycReject = "kyc.reject";
    public const string FeesPublish = "fees.publish";
    public const string FeesOverride = "fees.override";
    public const string AssetPause = "asset.pause";
    public const string AssetUnpause = "asset.unpause";
    public const string AddressFreeze = "address.freeze";
    public const string AddressUnfreeze = "address.unfreeze";
    public const string ForcedTransfer = "asset.forced-transfer";
    public const string OperationRetry = "chain.retry";
    public const string DistributionResume = "distribution.resume";
    public const string DistributionCancel = "distribution.cancel";
    public const string RevenueConfirm = "revenue.confirm";
    public const string RevenueReject = "revenue.reject";
    public const string RevenueVoid = "revenue.void";
    public const string DistributionPolicy = "distribution.policy";
    public const string FundingAuthorize = "funding.authorize";
    public const string FundingRevoke = "funding.revoke";

    public static IReadOnlyList<string> All { get; } =
        [AssetApprove, AssetReject, KycApprove, KycReject, FeesPublish, FeesOverride, AssetPause, AssetUnpause, AddressFreeze, AddressUnfreeze, ForcedTransfer, OperationRetry,
            DistributionResume, DistributionCancel, RevenueConfirm, RevenueReject, RevenueVoid, DistributionPolicy];
}

/// <summary>The audit trail. Entries are added in the unit of work of the action they describe, so both commit or neither.</summary>
public interface IAuditLog
{
    void Record(AuditEntry entry);

    Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken);
}

public sealed record AuditFilter(string? Actor = null, string? Action = null, Guid? AssetId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Take = 500);

/// <summary>An entry with the actor's email resolved.</summary>
public sealed record AuditRow(Guid Id, DateTimeOffset At, string ActorId, string ActorEmail, string Action, Guid? AssetId, string Subject, string? Before, string? After, string? Reason);

public sealed record SearchAuditLog(AuditFilter Filter) : IQuery<IReadOnlyList<AuditRow>>;

public sealed class SearchAuditLogHandler(IAuditLog audit) : IQueryHandler<SearchAuditLog, IReadOnlyList<AuditRow>>
{
    public async ValueTask<IReadOnlyList<AuditRow>> Handle(SearchAuditLog query, CancellationToken cancellationToken) =>
        await audit.SearchAsync(query.Filter with { Take = Math.Clamp(query.Filter.Take, 1, 10_000) }, cancellationToken);
}

public sealed record ExportAuditLog(AuditFilter Filter) : IQuery<string>;

public sealed class ExportAuditLogHandler(IAuditLog audit) : IQueryHandler<ExportAuditLog, string>
{
    public static readonly IReadOnlyList<string> Header = ["at_utc", "actor", "action", "asset_id", "subject", "before", "after", "reason"];

    public async ValueTask<string> Handle(ExportAuditLog query, CancellationToken cancellationToken) =>
        Csv.Write(Header, (await audit.SearchAsync(query.Filter with { Take = 10_000 }, cancellationToken)).Select(r => (IReadOnlyList<string>)
        [
            Csv.Cell(r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            Csv.Cell(r.ActorEmail.Length > 0 ? r.ActorEmail : r.ActorId),
            Csv.Cell(r.Action),
            Csv.Cell(r.AssetId?.ToString()),
            Csv.Cell(r.Subject),
            Csv.Cell(r.Before),
            Csv.Cell(r.After),
            Csv.Cell(r.Reason),
        ]));
}
