namespace TokenPlatform.Domain.Investors;

/// <summary>A country the platform onboards investors from (ISO 3166-1; the numeric code is what the chain stores).</summary>
public sealed record Country(string Alpha2, ushort Numeric, string Name);

/// <summary>The countries KYC accepts. Others are refused with a clear message (no sanctioned jurisdictions).</summary>
public static class Countries
{
    public static IReadOnlyList<Country> Supported { get; } =
    [
        new("AR", 32, "Argentina"), new("AU", 36, "Australia"), new("AT", 40, "Austria"), new("BE", 56, "Belgium"),
        new("BR", 76, "Brazil"), new("BG", 100, "Bulgaria"), new("CA", 124, "Canada"), new("CL", 152, "Chile"),
        new("CO", 170, "Colombia"), new("HR", 191, "Croatia"), new("CY", 196, "Cyprus"), new("CZ", 203, "Czechia"),
        new("DK", 208, "Denmark"), new("EE", 233, "Estonia"), new("FI", 246, "Finland"), new("FR", 250, "France"),
        new("DE", 276, "Germany"), new("GR", 300, "Greece"), new("HK", 344, "Hong Kong"), new("HU", 348, "Hungary"),
        new("IS", 352, "Iceland"), new("IN", 356, "India"), new("IE", 372, "Ireland"), new("IL", 376, "Israel"),
        new("IT", 380, "Italy"), new("JP", 392, "Japan"), new("KR", 410, "South Korea"), new("LV", 428, "Latvia"),
        new("LI", 438, "Liechtenstein"), new("LT", 440, "Lithuania"), new("LU", 442, "Luxembourg"), new("MT", 470, "Malta"),
        new("MX", 484, "Mexico"), new("NL", 528, "Netherlands"), new("NZ", 554, "New Zealand"), new("NO", 578, "Norway"),
        new("PL", 616, "Poland"), new("PT", 620, "Portugal"), new("RO", 642, "Romania"), new("SG", 702, "Singapore"),
        new("SK", 703, "Slovakia"), new("SI", 705, "Slovenia"), new("ZA", 710, "South Africa"), new("ES", 724, "Spain"),
        new("SE", 752, "Sweden"), new("CH", 756, "Switzerland"), new("AE", 784, "United Arab Emirates"),
        new("GB", 826, "United Kingdom"), new("US", 840, "United States"), new("UY", 858, "Uruguay"),
    ];

    public static Country? Find(string? alpha2) =>
        alpha2 is null ? null : Supported.FirstOrDefault(c => string.Equals(c.Alpha2, alpha2.Trim(), StringComparison.OrdinalIgnoreCase));
}
