using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Components.Shared;

/// <summary>
/// Turns what a numeric field holds (a decimal, up to about 7.9 x 10^28) into the integers commands take,
/// without overflowing: an out-of-range value becomes one the use case refuses or a bound that still compares right.
/// </summary>
internal static class NumericInput
{
    /// <summary>long.MaxValue minor units in whole USD: the largest amount there is.</summary>
    private const decimal LargestWhole = 9_223_372_036_854.775807m;

    /// <summary>
    /// A percentage as basis points (rounded). Beyond +/-101% it stops at +/-10,100: still a share the
    /// use case refuses with its field error, and never an int overflow.
    /// </summary>
    public static int Bps(decimal percent) => (int)Math.Round(Math.Clamp(percent, -101m, 101m) * 100);

    /// <summary>A filter bound in whole USD as minor units (fractions of a minor unit dropped), saturated at 0 and the largest amount.</summary>
    public static long MinorUnitsBound(decimal whole) =>
        whole <= 0 ? 0 : whole >= LargestWhole ? long.MaxValue : (long)(whole * Money.UnitsPerWhole);
}
