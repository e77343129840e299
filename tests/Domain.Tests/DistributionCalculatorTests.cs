using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Domain.Tests;

/// <summary>The waterfall on hand-computed examples, and its validation.</summary>
public class DistributionCalculatorTests
{
    private const string HolderA = "0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string Holder1 = "0x1111111111111111111111111111111111111111";
    private const string ArtistAddress = "0x2222222222222222222222222222222222222222";
    private const string ProducerAddress = "0x3333333333333333333333333333333333333333";

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>1,000.00 USD over 30 days; 1% distribution fee, 1%/yr management fee on 250,000.00 USD.</summary>
    private static DistributionInput Example() => new(
        Gross: Units(1_000_000_000),
        DistributionFeeBps: 100,
        ManagementFeeBpsPerYear: 100,
        OfferingValue: Units(250_000_000_000),
        PeriodStart: Start,
        PeriodEnd: Start.AddDays(30),
        ManagementFeeCarriedIn: Money.Zero,
        Payees: [new PayeeShare("Artist", ArtistAddress, 3_000), new PayeeShare("Producer", ProducerAddress, 1_000)],
        HoldersBps: 6_000,
        Holders: [new HolderPosition(HolderA, 40), new HolderPosition(Holder1, 60)]);

    [Fact]
    public void Compute_Example_MatchesTheHandComputedWaterfall()
    {
        var result = DistributionCalculator.Compute(Example()).Value;

        // Distribution fee: 1,000,000,000 x 100 / 10,000 = 10,000,000.
        Assert.Equal(10_000_000, result.DistributionFee.MinorUnits);
        // Management fee: 250,000,000,000 x 100 x 2,592,000 s / (10,000 x 31,536,000) = 205,479,452.05... -> 205,479,452;
        // all of it fits in the 990,000,000 left, nothing carried.
        Assert.Equal(205_479_452, result.ManagementFeeProrated.MinorUnits);
        Assert.Equal(205_479_452, result.ManagementFeeDue.MinorUnits);
        Assert.Equal(205_479_452, result.ManagementFee.MinorUnits);
        Assert.Equal(0, result.ManagementFeeCarriedOut.MinorUnits);
        // After fees: 1,000,000,000 - 10,000,000 - 205,479,452 = 784,520,548.
        Assert.Equal(784_520_548, result.AfterFees.MinorUnits);
        // Exact shares: artist 235,356,164.4, producer 78,452,054.8, holders 470,712,328.8. The floors sum to
        // 784,520,546, so 2 units go to the largest remainders: .8 (producer) and .8 (holders).
        Assert.Equal([("Artist", ArtistAddress, 3_000, 235_356_164L), ("Producer", ProducerAddress, 1_000, 78_452_055L)],
            result.Payees.Select(p => (p.Label, p.Address, p.Bps, p.Amount.MinorUnits)));
        Assert.Equal(470_712_329, result.HoldersShare.MinorUnits);
        // Holders by address: 0x11.. (60) exact 282,427,397.4, 0xAA.. (40) exact 188,284,931.6; 1 unit left -> 0xAA...
        Assert.Equal([(Holder1, 60L, 282_427_397L), (HolderA, 40L, 188_284_932L)], result.Holders.Select(h => (h.Address, h.Fractions, h.Amount.MinorUnits)));
        // 10,000,000 + 205,479,452 + 235,356,164 + 78,452,055 + 282,427,397 + 188,284,932 = 1,000,000,000.
    }

    [Fact]
    public void Compute_WhenTheManagementFeeExceedsWhatIsLeft_TakesWhatIsLeftAndCarriesTheShortfall()
    {
        var input = Example() with { Gross = Units(1_000_000), ManagementFeeCarriedIn = Units(1_000_000) };

        var result = DistributionCalculator.Compute(input).Value;

        // Distribution fee 10,000; due 205,479,452 + 1,000,000 carried in = 206,479,452; only 990,000 left to take.
        Assert.Equal(10_000, result.DistributionFee.MinorUnits);
        Assert.Equal(206_479_452, result.ManagementFeeDue.MinorUnits);
        Assert.Equal(990_000, result.ManagementFee.MinorUnits);
        Assert.Equal(205_489_452, result.ManagementFeeCarriedOut.MinorUnits);
        Assert.Equal(0, result.AfterFees.MinorUnits);
        Assert.All(result.Payees, p => Assert.Equal(0, p.Amount.MinorUnits));
        Assert.All(result.Holders, h => Assert.Equal(0, h.Amount.MinorUnits));
        Assert.Equal(2, result.Holders.Count);
        Assert.Equal(1_000_000, (result.DistributionFee + result.ManagementFee).MinorUnits);
    }

    [Fact]
    public void Compute_EqualHolders_TheLastUnitGoesToTheLowerAddress_WhateverTheCaseOrInputOrder()
    {
        var input = Example() with
        {
            Gross = Units(1),
            DistributionFeeBps = 0,
            ManagementFeeBpsPerYear = 0,
            Payees = [],
            HoldersBps = 10_000,
            Holders = [new HolderPosition("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 5), new HolderPosition("0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", 5)],
        };

        var result = DistributionCalculator.Compute(input).Value;

        Assert.Equal([("0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", 1L), ("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 0L)],
            result.Holders.Select(h => (h.Address, h.Amount.MinorUnits)));
    }

    [Fact]
    public void Compute_DropsHoldersWithoutFractions()
    {
        var input = Example() with { Holders = [.. Example().Holders, new HolderPosition("0x0000000000000000000000000000000000000001", 0)] };

        var result = DistributionCalculator.Compute(input).Value;

        Assert.Equal([Holder1, HolderA], result.Holders.Select(h => h.Address));
    }

    [Fact]
    public void Compute_WithNoHoldersShare_NeedsNoHolders()
    {
        var input = Example() with
        {
            Payees = [new PayeeShare("Artist", ArtistAddress, 10_000)],
            HoldersBps = 0,
            Holders = [],
        };

        var result = DistributionCalculator.Compute(input).Value;

        Assert.Equal(result.AfterFees, Assert.Single(result.Payees).Amount);
        Assert.Equal(0, result.HoldersShare.MinorUnits);
        Assert.Empty(result.Holders);
    }

    [Fact]
    public void Compute_ManagementFeeOnTheLargestOfferingValue_DoesNotOverflow()
    {
        var input = Example() with { Gross = Units(long.MaxValue), OfferingValue = Units(long.MaxValue), ManagementFeeBpsPerYear = 10_000, PeriodEnd = Start.AddDays(365) };

        var result = DistributionCalculator.Compute(input).Value;

        // A whole year at 100%: the full offering value is due; the gross less the 1% distribution fee is all there is.
        Assert.Equal(long.MaxValue, result.ManagementFeeProrated.MinorUnits);
        Assert.Equal(long.MaxValue - result.DistributionFee.MinorUnits, result.ManagementFee.MinorUnits);
        Assert.Equal(result.DistributionFee, result.ManagementFeeCarriedOut);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(16)]
    public void Compute_ThousandsOfHolders_AreInAddressOrder_AndMatchTheReferenceSplit(int sharedHexDigits)
    {
        // Above the small-sort cut-off, so the bucketed address sort runs; with a shared prefix every
        // address lands in one bucket (4 digits) or has the same sort key (16 digits).
        var random = new Random(sharedHexDigits);
        var holders = new HolderPosition[5_000];
        for (var i = 0; i < holders.Length; i++)
        {
            var hex = string.Concat(Enumerable.Range(0, 40).Select(d => d < sharedHexDigits ? 'c' : "0123456789abcdefABCDEF"[random.Next(22)]));
            holders[i] = new HolderPosition("0x" + hex, random.Next(0, 4));
        }

        holders[0] = holders[0] with { Fractions = 1 };
        var result = DistributionCalculator.Compute(Example() with { Holders = holders }).Value;

        var expected = holders.Where(h => h.Fractions > 0).OrderBy(h => h.Address.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(h => h.Address), result.Holders.Select(h => h.Address));
        Assert.Equal(DistributionPropertyTests.ReferenceSplit(result.HoldersShare.MinorUnits, [.. expected.Select(h => h.Fractions)]), result.Holders.Select(h => h.Amount.MinorUnits));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Compute_InvalidInput_ReturnsTheFieldError(string field, string message, DistributionInput input)
    {
        var result = DistributionCalculator.Compute(input);

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Error!.Fields);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, DistributionInput> InvalidInputs() => new()
    {
        { "Gross", "above zero", Example() with { Gross = Money.Zero } },
        { "DistributionFeeBps", "between 0 and 10,000", Example() with { DistributionFeeBps = 10_001 } },
        { "ManagementFeeBpsPerYear", "between 0 and 10,000", Example() with { ManagementFeeBpsPerYear = -1 } },
        { "Payees", "add up to 99.99%", Example() with { HoldersBps = 5_999 } },
        { "Payees[1].Bps", "between 0 and 10,000", Example() with { Payees = [new("A", ArtistAddress, 5_000), new("B", ProducerAddress, -1_000)], HoldersBps = 6_000 } },
        { "PeriodEnd", "end after it starts", Example() with { PeriodEnd = Start } },
        { "OfferingValue", "too large", Example() with { OfferingValue = Units(long.MaxValue), ManagementFeeBpsPerYear = 10_000, PeriodEnd = Start.AddDays(366) } },
        { "Holders", "No holder held fractions at the record time.", Example() with { Holders = [new HolderPosition(HolderA, 0)] } },
        { "Holders", "No holder held fractions at the record time.", Example() with { Holders = [] } },
        { "Holders", "listed more than once", Example() with { Holders = [new HolderPosition(HolderA, 1), new HolderPosition(Holder1, 2), new HolderPosition(HolderA.ToLowerInvariant(), 3)] } },
        { "Holders[1].Address", "Ethereum address", Example() with { Holders = [new HolderPosition(HolderA, 1), new HolderPosition("0x12", 2)] } },
        { "Holders[0].Fractions", "cannot be negative", Example() with { Holders = [new HolderPosition(HolderA, -1)] } },
    };

    [Fact]
    public void Compute_ReportsEveryInvalidFieldAtOnce()
    {
        var input = Example() with { Gross = Money.Zero, PeriodEnd = Start.AddDays(-1), Holders = [] };

        var result = DistributionCalculator.Compute(input);

        Assert.Equal(["Gross", "PeriodEnd", "Holders"], result.Error!.Fields.Select(f => f.Field));
    }
}
