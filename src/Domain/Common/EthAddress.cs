using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// An Ethereum address in the one spelling the platform stores and compares: EIP-55 checksummed
/// (the wallets, the indexer and the chain edge all write that form), so "0xab..." and "0xAB..." are one
/// address and equal as values. Entities and DTOs keep addresses as <see cref="string"/>s holding
/// <see cref="Value"/>; code that keys strings by address uses <see cref="Comparer"/>.
/// <c>default(EthAddress)</c> is no address: its <see cref="Value"/> is empty.
/// </summary>
public readonly record struct EthAddress
{
    private const int PrefixLength = 2;
    private const int HexLength = 40;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string? _value;

    private EthAddress(string checksummed) => _value = checksummed;

    /// <summary>The zero address (0x and 40 zeros): mints come from it, burns go to it.</summary>
    public static EthAddress Zero { get; } = new("0x" + new string('0', HexLength));

    /// <summary>Compares strings as addresses: two spellings of one valid address are equal; anything else compares ordinally.</summary>
    public static IEqualityComparer<string?> Comparer { get; } = new AddressStringComparer();

    /// <summary>The EIP-55 checksummed spelling; empty for <c>default(EthAddress)</c>.</summary>
    public string Value => _value ?? "";

    /// <summary>
    /// Reads an address a person typed or a system sent (surrounding spaces ignored, any letter case); a
    /// malformed one is a field error saying what is wrong, never an exception.
    /// </summary>
    public static Result<EthAddress> Parse(string? text, string field = "Address")
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Error.Validation(field, "Enter an Ethereum address (0x followed by 40 hexadecimal characters).");
        }

        if (!value.StartsWith("0x", StringComparison.Ordinal) && !value.StartsWith("0X", StringComparison.Ordinal))
        {
            return Error.Validation(field, "An Ethereum address starts with 0x, followed by 40 hexadecimal characters.");
        }

        if (value.Length != PrefixLength + HexLength)
        {
            return Error.Validation(field, $"An Ethereum address has 40 hexadecimal characters after 0x; this one has {value.Length - PrefixLength}.");
        }

        if (value.AsSpan(PrefixLength).ContainsAnyExcept(HexDigits))
        {
            return Error.Validation(field, "An Ethereum address may use only the digits 0-9 and the letters a-f after 0x.");
        }

        return new EthAddress(Checksum(value));
    }

    /// <summary>Like <see cref="Parse"/>, without the reason.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthAddress address)
    {
        var value = text?.Trim();
        address = IsValid(value) ? new EthAddress(Checksum(value)) : default;
        return address._value is not null;
    }

    /// <summary>"0x" and 40 hexadecimal digits, in any letter case.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: PrefixLength + HexLength } && value[0] == '0' && (value[1] == 'x' || value[1] == 'X')
        && !value.AsSpan(PrefixLength).ContainsAnyExcept(HexDigits);

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

        var hex = address[PrefixLength..].ToLowerInvariant();
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(hex));
        var result = new StringBuilder("0x", PrefixLength + HexLength);
        for (var i = 0; i < hex.Length; i++)
        {
            var nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i]);
        }

        return result.ToString();
    }

    /// <summary>
    /// Orders two addresses (each "0x" and 40 hex digits) by their hex digits ignoring letter case: digits
    /// sort before letters in both cases, so this is the order of the lower-cased text (and of the numbers).
    /// No format check: a hot path for callers that checked the format already.
    /// </summary>
    public static int CompareDigits(string x, string y) =>
        string.Compare(x, PrefixLength, y, PrefixLength, HexLength, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Value;

    /// <summary>
    /// Equal checksummed forms are exactly equal hex digits ignoring letter case (EIP-55 only changes
    /// the case of letters), so valid addresses compare without hashing; anything else compares ordinally.
    /// </summary>
    private sealed class AddressStringComparer : IEqualityComparer<string?>
    {
        public bool Equals(string? x, string? y)
        {
            if (IsValid(x) && IsValid(y))
            {
                return x.AsSpan(PrefixLength).Equals(y.AsSpan(PrefixLength), StringComparison.OrdinalIgnoreCase);
            }

            return string.Equals(x, y, StringComparison.Ordinal);
        }

        public int GetHashCode(string? obj) =>
            obj is null ? 0
            : IsValid(obj) ? string.GetHashCode(obj.AsSpan(PrefixLength), StringComparison.OrdinalIgnoreCase)
            : string.GetHashCode(obj, StringComparison.Ordinal);
    }
}
