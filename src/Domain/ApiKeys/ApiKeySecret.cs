using System.Security.Cryptography;
using System.Text;

namespace TokenPlatform.Domain.ApiKeys;

/// <summary>
/// An API key's form: "tpk_" + 10 hex characters (the public prefix, shown in lists and used to find the
/// key) + "_" + 256 random bits. Only a SHA-256 of the whole key is kept (a fast hash is right for a
/// high-entropy secret) and it is compared in constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "tpk_";

    public const int MaxLength = 100;

    public static (string Prefix, string Secret, string Hash) New()
    {
        var prefix = Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = $"{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (prefix, secret, Hash(secret));
    }

    /// <summary>The public prefix of a presented key, or null when it is not one of ours.</summary>
    public static string? PrefixOf(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Scheme, StringComparison.Ordinal) || presented.Length > MaxLength)
        {
            return null;
        }

        var separator = presented.IndexOf('_', Scheme.Length);
        return separator < 0 ? null : presented[..separator];
    }

    public static bool Matches(string storedHash, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(presented)));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
