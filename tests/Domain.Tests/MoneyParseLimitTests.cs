using System.Globalization;
using CsCheck;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Tests;

/// <summary>Money.Parse at and beyond the largest amount a long holds: every bad input is a field error, never an exception.</summary>
public class MoneyParseLimitTests
{
    /// <summary>long.MaxValue minor units.</summary>
    private const string Largest = "9223372036854.775807";

    /// <summary>Digit runs of every length up to well beyond decimal's 29 digits, with a point, separators and noise.</summary>
    private static readonly Gen<string> GenNumberLike =
        from whole in Gen.Char['0', '9'].Array[0, 45]
        from point in Gen.Bool
        from fraction in Gen.Char['0', '9'].Array[0, 40]
        from noise in Gen.Char["0123456789.,eE+- "].Array[0, 4]
        from noiseFirst in Gen.Bool
        let number = new string(whole) + (point ? "." : "") + new string(fraction)
        select noiseFirst ? new string(noise) + number : number + new string(noise);

    [Theory]
    [InlineData(Largest)]
    [InlineData("9,223,372,036,854.775807")]
    [InlineData("0009223372036854.7758070000")]
    public void Parse_AtTheLargestAmount_IsExact(string text)
    {
        var money = Money.Parse(text);

        Assert.True(money.IsSuccess);
        Assert.Equal(long.MaxValue, money.Value.MinorUnits);
    }

    [Theory]
    [InlineData("9223372036854.775808")]
    [InlineData("9223372036855")]
    [InlineData("100000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("1234567890123456789012345678901234567890.5")]
    public void Parse_BeyondTheLargestAmount_IsAFieldError(string text)
    {
        var money = Money.Parse(text, "Amount");

        Assert.False(money.IsSuccess);
        var field = Assert.Single(money.Error!.Fields);
        Assert.Equal("Amount", field.Field);
        Assert.Contains("too large", field.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("1E+30")]
    [InlineData("1e-3")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("+5")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData(",")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("١٢")]
    [InlineData(null)]
    public void Parse_NotAPlainDecimal_IsAFieldError(string? text)
    {
        var money = Money.Parse(text, "Amount");

        Assert.False(money.IsSuccess);
        Assert.Equal("Amount", Assert.Single(money.Error!.Fields).Field);
    }

    [Theory]
    [InlineData("1.0000000000000000000000000000001")]
    [InlineData("0.00000000000000000000000000000000001")]
    [InlineData("1.0000001")]
    public void Parse_WithMoreThanSixDecimals_IsRefused_EvenBeyondDecimalPrecision(string text)
    {
        var money = Money.Parse(text, "Amount");

        Assert.False(money.IsSuccess);
        Assert.Contains("at most 6 decimals", Assert.Single(money.Error!.Fields).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.", 12_000_000)]
    [InlineData(".5", 500_000)]
    [InlineData("0", 0)]
    [InlineData("1.500000000", 1_500_000)]
    public void Parse_AcceptsWhatItAcceptedBefore(string text, long expected) =>
        Assert.Equal(expected, Money.Parse(text).Value.MinorUnits);

    [Fact]
    public void Parse_NeverThrows_ForAnyString() =>
        Gen.String.Sample(text => _ = Money.Parse(text), iter: 20_000);

    [Fact]
    public void Parse_NeverThrows_ForAnyNumberLikeString() =>
        GenNumberLike.Sample(text => _ = Money.Parse(text), iter: 50_000);

    [Fact]
    public void Parse_ReadsBackEveryAmountItWrites() =>
        Gen.Long[0, long.MaxValue].Sample(units =>
        {
            var plain = string.Create(CultureInfo.InvariantCulture, $"{units / Money.UnitsPerWhole}.{units % Money.UnitsPerWhole:D6}");

            Assert.Equal(units, Money.Parse(Money.FromMinorUnits(units).Value.ToString()).Value.MinorUnits);
            Assert.Equal(units, Money.Parse(plain).Value.MinorUnits);
        });

    [Fact]
    public void Parse_AgreesWithDecimal_WhereDecimalIsExactAndInRange() =>
        GenNumberLike.Sample(text =>
        {
            var digits = text.Count(char.IsAsciiDigit);
            if (digits > 28 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
                || value > (decimal)long.MaxValue / Money.UnitsPerWhole)
            {
                return;
            }

            var scaled = value * Money.UnitsPerWhole;
            var parsed = Money.Parse(text);

            Assert.Equal(scaled == decimal.Truncate(scaled), parsed.IsSuccess);
            Assert.True(!parsed.IsSuccess || parsed.Value.MinorUnits == (long)scaled);
        }, iter: 50_000);
}
