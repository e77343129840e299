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
    /// most six decimals; no floating point involved.
    /// </summary>
    public static Result<Money> Parse(string? text, string field = "amount")
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return Error.Validation(field, "Enter an amount such as 12.50.");
        }

        var scaled = value * UnitsPerWhole;
        if (scaled != decimal.Truncate(scaled))
        {
            return Error.Validation(field, $"An amount has at most {Decimals} decimals.");
        }

        return scaled > long.MaxValue
            ? Error.Validation(field, "The amount is too large.")
            : new Money((long)scaled);
    }

    public static Money operator +(Money a, Money b) => new(checked(a.MinorUnits + b.MinorUnits));

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
