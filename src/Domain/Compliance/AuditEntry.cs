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
