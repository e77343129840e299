using System.Globalization;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// An amount of the settlement stablecoin in integer minor units (6 decimals, like USDC).
/// Never negative; arithmetic is checked so an overflow is a bug, not silent wrap-around.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const int Decimals = 6;
    public const long UnitsPerWhole = 1_000_000;

    private Money(long minorUnits) => MinorUnits = minorUnits;

    public long MinorUnits { get; }

    public static Money Zero => default;

    public static Result<Money> FromMinorUnits(long minorUnits, string field = "amount") =>
        minorUnits < 0
            ? Error.Validation(field, "An amount cannot be negative.")
            : new Money(minorUnits);

    /// <summary>
    /// Parses a decimal string such as "12.5" or "1,250.50" (what <see cref="ToString"/> writes) with at
    /// most six decimals, digit by digit: no floating point and no decimal rounding, so the amount is
    /// exactly the text. A sign, an exponent, spaces, a seventh decimal or more than
    /// <see cref="long.MaxValue"/> minor units is a field error, never an exception.
    /// </summary>
    public static Result<Money> Parse(string? text, string field = "amount")
    {
        if (!TrySplit(text, out var whole, out var fraction))
        {
            return Error.Validation(field, "Enter an amount such as 12.50.");
        }

        whole = whole.TrimStart('0');
        fraction = fraction.TrimEnd('0');
        // 19 digits bound the arithmetic below (10^19 x 10^6 fits an Int128 by far); the exact limit is checked after.
        if (whole.Length > 19)
        {
            return TooLarge(field);
        }

        if (fraction.Length > Decimals)
        {
            return Error.Validation(field, $"An amount has at most {Decimals} decimals.");
        }

        var units = Int128.Zero;
        foreach (var digit in whole + fraction.PadRight(Decimals, '0'))
        {
            units = (units * 10) + (digit - '0');
        }

        return units > long.MaxValue ? TooLarge(field) : new Money((long)units);
    }

    /// <summary>Digits with optional thousands separators, then optionally a point and digits; at least one digit.</summary>
    private static bool TrySplit(string? text, out string whole, out string fraction)
    {
        whole = fraction = "";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? text : text[..point];
        whole = integer.Replace(",", "", StringComparison.Ordinal);
        fraction = point < 0 ? "" : text[(point + 1)..];
        return !integer.StartsWith(',') && whole.Length + fraction.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit);
    }

    private static Error TooLarge(string field) =>
        Error.Validation(field, $"The amount is too large: at most {new Money(long.MaxValue)}.");

    public static Money operator +(Money a, Money b) => new(checked(a.MinorUnits + b.MinorUnits));

    /// <summary>
    /// The difference; a negative result is a bug (an amount taken that was never there), so it throws
    /// rather than wrapping or going below zero.
    /// </summary>
    public static Money operator -(Money a, Money b) =>
        a.MinorUnits >= b.MinorUnits
            ? new(a.MinorUnits - b.MinorUnits)
            : throw new OverflowException($"Subtracting {b} from {a} would make a negative amount.");

    /// <summary>The sum of the amounts (checked: an overflow throws); zero for none.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public int CompareTo(Money other) => MinorUnits.CompareTo(other.MinorUnits);

    public static bool operator <(Money a, Money b) => a.MinorUnits < b.MinorUnits;

    public static bool operator >(Money a, Money b) => a.MinorUnits > b.MinorUnits;

    public static bool operator <=(Money a, Money b) => a.MinorUnits <= b.MinorUnits;

    public static bool operator >=(Money a, Money b) => a.MinorUnits >= b.MinorUnits;

    /// <summary>Exact decimal text with trailing zeros trimmed to at least two decimals, e.g. "1,250.50".</summary>
    public override string ToString()
    {
        var whole = MinorUnits / UnitsPerWhole;
        var fraction = (MinorUnits % UnitsPerWhole).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        if (fraction.Length < 2)
        {
            fraction = fraction.PadRight(2, '0');
        }

        return string.Create(CultureInfo.InvariantCulture, $"{whole:N0}.{fraction}");
    }
}
