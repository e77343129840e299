namespace TokenPlatform.Web.Components.Account;

internal static class SafeReturnUrl
{
    /// <summary>Only local paths are followed after login: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string Resolve(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
