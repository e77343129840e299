using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Compliance actions all need a reason an auditor can read.</summary>
internal static class ComplianceRules
{
    public static FieldErrors Reason(string? reason) =>
        new FieldErrors().Required(reason, "Reason", "The reason").Length(reason, 5, 1000, "Reason", "The reason");
}
