namespace TokenPlatform.Domain.Compliance;

/// <summary>The audit trail. Entries are added in the unit of work of the action they describe, so both commit or neither.</summary>
public interface IAuditLog
{
    void Record(AuditEntry entry);

    Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken);
}

public sealed record AuditFilter(string? Actor = null, string? Action = null, Guid? AssetId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Take = 500);

/// <summary>An entry with the actor's email resolved.</summary>
public sealed record AuditRow(Guid Id, DateTimeOffset At, string ActorId, string ActorEmail, string Action, Guid? AssetId, string Subject, string? Before, string? After, string? Reason);
