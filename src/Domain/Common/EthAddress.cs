using System.Buffers;
using System.Text;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// Ethereum addresses in the one spelling the platform stores and compares: EIP-55 checksummed
/// (the wallets, the indexer and the chain edge all write that form), so "0xab..." and "0xAB..." are one address.
/// </summary>
public static class EthAddress
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>"0x" and 40 hexadecimal digits, in any letter case.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !value.AsSpan(2).ContainsAnyExcept(HexDigits);

    /// <summary>
    /// The EIP-55 spelling of a valid address: each hex letter upper case where the matching nibble of
    /// keccak256(lower-case hex) is 8 or more. An invalid address is a caller's bug (check <see cref="IsValid"/> first).
    /// </summary>
    public static string Checksum(string address)
    {
        if (!IsValid(address))
        {
            throw new ArgumentException("Not an Ethereum address (0x and 40 hexadecimal digits).", nameof(address));
        }

        var hex = address[2..].ToLowerInvariant();
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(hex));
        var result = new StringBuilder("0x", 42);
        for (var i = 0; i < hex.Length; i++)
        {
            var nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i]);
        }

        return result.ToString();
    }
}
