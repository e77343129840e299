using System.Globalization;

namespace TokenPlatform.Domain.Common;

/// <summary>Display text for stablecoin totals that may exceed one <see cref="Money"/> (sums over many events), exact in 128 bits.</summary>
public static class UsdText
{
    public static string Of(Int128 minorUnits)
    {
        var negative = minorUnits < 0;
        var magnitude = negative ? -minorUnits : minorUnits;
        var whole = magnitude / Money.UnitsPerWhole;
        var fraction = ((long)(magnitude % Money.UnitsPerWhole)).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        if (fraction.Length < 2)
        {
            fraction = fraction.PadRight(2, '0');
        }

        var digits = whole.ToString(CultureInfo.InvariantCulture);
        var grouped = new System.Text.StringBuilder(digits.Length + digits.Length / 3);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append(',');
            }

            grouped.Append(digits[i]);
        }

        return $"{(negative ? "-" : "")}{grouped}.{fraction} USD";
    }

    public static Int128 Sum(IEnumerable<Int128> values) => values.Aggregate(Int128.Zero, (sum, v) => sum + v);
}
