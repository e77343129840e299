using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("12.5", 12_500_000)]
    [InlineData("0.000001", 1)]
    [InlineData("1000", 1_000_000_000)]
    [InlineData("1,250.50", 1_250_500_000)]
    public void Parse_WithUpToSixDecimals_GivesExactMinorUnits(string text, long expected)
    {
        var money = Money.Parse(text);

        Assert.True(money.IsSuccess);
        Assert.Equal(expected, money.Value.MinorUnits);
    }

    [Theory]
    [InlineData("0.0000001", "at most 6 decimals")]
    [InlineData("-1", "Enter an amount")]
    [InlineData("abc", "Enter an amount")]
    [InlineData("", "Enter an amount")]
    public void Parse_WithBadText_ReturnsFieldError(string text, string message)
    {
        var money = Money.Parse(text, "price");

        Assert.False(money.IsSuccess);
        var field = Assert.Single(money.Error!.Fields);
        Assert.Equal("price", field.Field);
        Assert.Contains(message, field.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMinorUnits_Negative_IsRefused() => Assert.False(Money.FromMinorUnits(-1).IsSuccess);

    [Theory]
    [InlineData(1_250_500_000, "1,250.50")]
    [InlineData(1, "0.000001")]
    [InlineData(0, "0.00")]
    public void ToString_IsExactWithAtLeastTwoDecimals(long units, string expected) =>
        Assert.Equal(expected, Money.FromMinorUnits(units).Value.ToString());

    [Fact]
    public void Add_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => Money.FromMinorUnits(long.MaxValue).Value + Money.FromMinorUnits(1).Value);

    [Theory]
    [InlineData(10, 3, 7)]
    [InlineData(5, 5, 0)]
    [InlineData(long.MaxValue, 0, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue, 0)]
    public void Subtract_IsExact(long a, long b, long expected) =>
        Assert.Equal(expected, (Money.FromMinorUnits(a).Value - Money.FromMinorUnits(b).Value).MinorUnits);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 10)]
    [InlineData(0, long.MaxValue)]
    public void Subtract_BelowZero_Throws(long a, long b) =>
        Assert.Throws<OverflowException>(() => Money.FromMinorUnits(a).Value - Money.FromMinorUnits(b).Value);

    [Fact]
    public void Sum_AddsEveryAmount_AndIsZeroForNone()
    {
        Assert.Equal(Money.Zero, Money.Sum([]));
        Assert.Equal(6, Money.Sum([Money.FromMinorUnits(1).Value, Money.FromMinorUnits(2).Value, Money.FromMinorUnits(3).Value]).MinorUnits);
    }

    [Fact]
    public void Sum_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => Money.Sum([Money.FromMinorUnits(long.MaxValue).Value, Money.FromMinorUnits(1).Value]));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(4, 4)]
    public void MinAndMax_PickTheSmallerAndTheLarger(long a, long b)
    {
        var (x, y) = (Money.FromMinorUnits(a).Value, Money.FromMinorUnits(b).Value);

        Assert.Equal(Math.Min(a, b), Money.Min(x, y).MinorUnits);
        Assert.Equal(Math.Max(a, b), Money.Max(x, y).MinorUnits);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void BasisPoints_AcceptsZeroToTenThousandOnly(int value, bool ok) => Assert.Equal(ok, BasisPoints.Create(value).IsSuccess);

    [Fact]
    public void BasisPoints_Of_IsExactAndRoundsDown_EvenWhereA64BitProductWouldOverflow()
    {
        // 10^9 fractions at 50.00 is 5 x 10^16 minor units; x 250 bps overflows a long.
        var raise = Money.FromMinorUnits(50_000_000_000_000_000).Value;
        Assert.Equal(1_250_000_000_000_000, BasisPoints.Create(250).Value.Of(raise).MinorUnits);
        Assert.Equal(0, BasisPoints.Create(250).Value.Of(Money.FromMinorUnits(39).Value).MinorUnits);
    }

    [Fact]
    public void BasisPoints_FormatsAsPercent() => Assert.Equal("12.05%", BasisPoints.Create(1205).Value.ToString());
}
