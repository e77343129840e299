using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Compliance actions all need a reason an auditor can read.</summary>
internal static class ComplianceRules
{
    public static FieldErrors Reason(string? reason) =>
        new FieldErrors().Required(reason, "Reason", "The reason").Length(reason, 5, 1000, "Reason", "The reason");

    public static bool IsAddress(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value[2..].All(Uri.IsHexDigit);
}
