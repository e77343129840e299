using System.Globalization;
using CsCheck;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Domain.Tests;

/// <summary>Properties of the exact waterfall and of the largest remainder split, on random inputs.</summary>
public class DistributionPropertyTests
{
    private const int Iterations = 1_000;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One holder before it gets its address: shared address prefixes and tiny fractions make ties likely.</summary>
    private static readonly Gen<(ulong Prefix, long Fractions, bool Upper)> GenHolder =
        from prefix in Gen.Frequency((3, Gen.ULong), (1, Gen.Long[0, 3].Select(p => (ulong)p)))
        from fractions in Gen.Frequency((2, Gen.Long[0, 5]), (2, Gen.Long[1, 1_000_000_000_000]))
        from upper in Gen.Bool
        select (prefix, fractions, upper);

    private static readonly Gen<DistributionInput> GenInput =
        from gross in Gen.Frequency((3, Gen.Long[1, 1_000_000_000_000_000]), (1, Gen.Long[1, 1_000]))
        from distributionFeeBps in Gen.Int[0, 10_000]
        from managementFeeBps in Gen.Int[0, 10_000]
        from offeringValue in Gen.Long[0, 1_000_000_000_000_000]
        from periodSeconds in Gen.Long[1, 2 * DistributionCalculator.SecondsPerYear]
        from carriedIn in Gen.Frequency((3, Gen.Const(0L)), (1, Gen.Long[0, 1_000_000_000_000]))
        from cuts in Gen.Int[0, 10_000].Array[1, 10]
        from holders in GenHolder.Array[1, 500]
        select new DistributionInput(Units(gross), distributionFeeBps, managementFeeBps, Units(offeringValue), Start, Start.AddSeconds(periodSeconds), Units(carriedIn),
            Payees(cuts), 10_000 - cuts.Max(), Holders(holders));

    [Fact]
    public void Compute_PartsSumToGross_LinesAreWithinOneUnitOfTheirExactShares_AndHoldersAreInAddressOrder() =>
        GenInput.Sample(input =>
        {
            var result = DistributionCalculator.Compute(input).Value;

            AssertExactWaterfall(input, result);
            AssertLargestRemainderInAddressOrder(input, result);
        }, iter: Iterations);

    [Fact]
    public void Compute_IsDeterministic_AndIndependentOfTheHoldersInputOrder() =>
        GenInput.Select(Gen.Int, (input, seed) => (input, seed)).Sample((input, seed) =>
        {
            var shuffled = input.Holders.ToArray();
            new Random(seed).Shuffle(shuffled);

            var first = DistributionCalculator.Compute(input).Value;
            var again = DistributionCalculator.Compute(input).Value;
            var fromShuffled = DistributionCalculator.Compute(input with { Holders = shuffled }).Value;

            AssertSameResult(first, again);
            AssertSameResult(first, fromShuffled);
        }, iter: Iterations);

    [Fact]
    public void Split_MatchesTheSortingReference_SumsExactly_AndStaysWithinOneUnit()
    {
        var genWeights = Gen.Frequency(
            (2, Gen.Long[0, 3].Array[1, 60]),
            (2, Gen.Long[0, 1_000_000].Array[1, 300]),
            (1, Gen.Long[long.MaxValue / 4, long.MaxValue].Array[1, 8]));
        var genTotal = Gen.Frequency((2, Gen.Long[0, 1_000]), (2, Gen.Long[0, long.MaxValue]));

        Gen.Select(genTotal, genWeights).Sample((total, weights) =>
        {
            if (Array.TrueForAll(weights, w => w == 0))
            {
                weights = [1, .. weights[1..]];
            }

            var shares = LargestRemainder.Split(total, weights);

            AssertSequence(ReferenceSplit(total, weights), shares);
            Assert.Equal(total, Total(shares));
            var sum = Total(weights);
            for (var i = 0; i < weights.Length; i++)
            {
                AssertWithinOneUnit(shares[i], total * (Int128)weights[i], sum);
            }
        }, iter: Iterations);
    }

    [Theory]
    [InlineData(1, new long[] { 1, 1 }, new long[] { 1, 0 })]
    [InlineData(2, new long[] { 1, 1, 1 }, new long[] { 1, 1, 0 })]
    [InlineData(1, new long[] { 1, 1, 1 }, new long[] { 1, 0, 0 })]
    [InlineData(10, new long[] { 1, 2, 2 }, new long[] { 2, 4, 4 })]
    [InlineData(7, new long[] { 2, 3, 3 }, new long[] { 2, 3, 2 })]
    [InlineData(5, new long[] { 0, 3, 0, 1 }, new long[] { 0, 4, 0, 1 })]
    [InlineData(0, new long[] { 5, 7 }, new long[] { 0, 0 })]
    public void Split_Examples_TiesGoToTheLowerIndex(long total, long[] weights, long[] expected) =>
        Assert.Equal(expected, LargestRemainder.Split(total, weights));

    [Fact]
    public void Split_WithWeightsSummingPastLongMax_IsExact() =>
        Assert.Equal([long.MaxValue / 2 + 1, long.MaxValue / 2], LargestRemainder.Split(long.MaxValue, [long.MaxValue, long.MaxValue]));

    [Fact]
    public void Split_RefusesWhatCallersMustValidate()
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(-1, [1]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1, [1, -1]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1, [0, 0]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1, []));
    }

    /// <summary>The parts add up to the gross, the fees follow their formulas, every line is its exact share rounded down or up.</summary>
    private static void AssertExactWaterfall(DistributionInput input, DistributionResult result)
    {
        Assert.Equal(input.Gross, result.DistributionFee + result.ManagementFee + Money.Sum(result.Payees.Select(p => p.Amount)) + Money.Sum(result.Holders.Select(h => h.Amount)));
        Assert.Equal(input.Gross.MinorUnits * (Int128)input.DistributionFeeBps / 10_000, result.DistributionFee.MinorUnits);
        Assert.Equal(result.ManagementFeeDue, result.ManagementFee + result.ManagementFeeCarriedOut);
        Assert.True(result.ManagementFeeCarriedOut == Money.Zero || result.AfterFees == Money.Zero, "A shortfall leaves nothing after fees.");
        Assert.Equal(result.AfterFees, Money.Sum(result.Payees.Select(p => p.Amount)) + result.HoldersShare);
        foreach (var payee in result.Payees)
        {
            AssertWithinOneUnit(payee.Amount.MinorUnits, result.AfterFees.MinorUnits * (Int128)payee.Bps, 10_000);
        }

        AssertWithinOneUnit(result.HoldersShare.MinorUnits, result.AfterFees.MinorUnits * (Int128)input.HoldersBps, 10_000);
        var totalFractions = Total(input.Holders.Select(h => h.Fractions));
        foreach (var holder in result.Holders)
        {
            AssertWithinOneUnit(holder.Amount.MinorUnits, result.HoldersShare.MinorUnits * (Int128)holder.Fractions, totalFractions);
        }
    }

    /// <summary>
    /// Holders with fractions, by lower-cased address; both splits equal the sorting reference, so ties go to the
    /// payees in split order, the holders' bucket last, and among holders to the lower address.
    /// </summary>
    private static void AssertLargestRemainderInAddressOrder(DistributionInput input, DistributionResult result)
    {
        var expected = input.Holders.Where(h => h.Fractions > 0).OrderBy(h => h.Address.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        AssertSequence(expected.Select(h => (h.Address, h.Fractions)), result.Holders.Select(h => (h.Address, h.Fractions)));
        AssertSequence(ReferenceSplit(result.HoldersShare.MinorUnits, expected.Select(h => h.Fractions).ToArray()), result.Holders.Select(h => h.Amount.MinorUnits));
        var payeeWeights = input.Payees.Select(p => (long)p.Bps).Append(input.HoldersBps).ToArray();
        AssertSequence(ReferenceSplit(result.AfterFees.MinorUnits, payeeWeights), result.Payees.Select(p => p.Amount.MinorUnits).Append(result.HoldersShare.MinorUnits));
    }

    /// <summary>Assert.Equal on sequences, without its per-element reflection (it dominated these tests' time).</summary>
    private static void AssertSequence<T>(IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var expectedList = expected.ToList();
        var actualList = actual.ToList();
        if (!expectedList.SequenceEqual(actualList))
        {
            Assert.Equal(expectedList, actualList);
        }
    }

    /// <summary>The split done the obvious way: sort by remainder descending then index ascending (128-bit: the tests' products stay below 2^127).</summary>
    internal static long[] ReferenceSplit(long total, long[] weights)
    {
        var sum = Total(weights);
        var shares = weights.Select(w => (long)(total * (Int128)w / sum)).ToArray();
        var leftover = total - shares.Sum();
        var byRemainder = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => total * (Int128)weights[i] % sum)
            .ThenBy(i => i)
            .Take((int)leftover);
        foreach (var i in byRemainder)
        {
            shares[i]++;
        }

        return shares;
    }

    private static Int128 Total(IEnumerable<long> values) => values.Aggregate(Int128.Zero, (sum, value) => sum + value);

    /// <summary>|amount - numerator / denominator| &lt; 1, and the amount is the floor or one more.</summary>
    private static void AssertWithinOneUnit(long amount, Int128 numerator, Int128 denominator)
    {
        var floor = numerator / denominator;
        var exact = numerator % denominator == 0;
        if (amount != floor && (exact || amount != floor + 1))
        {
            Assert.Fail($"{amount} is not {(exact ? "exactly" : "within one unit of")} {numerator}/{denominator}.");
        }
    }

    private static void AssertSameResult(DistributionResult expected, DistributionResult actual)
    {
        Assert.Equal(expected with { Payees = [], Holders = [] }, actual with { Payees = [], Holders = [] });
        AssertSequence(expected.Payees, actual.Payees);
        AssertSequence(expected.Holders, actual.Holders);
    }

    /// <summary>Payees with the gaps between sorted cut points as bps; the holders get the rest.</summary>
    private static PayeeShare[] Payees(int[] cuts)
    {
        var sorted = cuts.Order().ToArray();
        var payees = new PayeeShare[sorted.Length];
        var previous = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            payees[i] = new PayeeShare($"Payee {i}", Address(0xFEED, i, upper: false), sorted[i] - previous);
            previous = sorted[i];
        }

        return payees;
    }

    /// <summary>Distinct addresses (the index is in the low digits), the first holder always with fractions.</summary>
    private static HolderPosition[] Holders((ulong Prefix, long Fractions, bool Upper)[] drawn)
    {
        var holders = new HolderPosition[drawn.Length];
        for (var i = 0; i < drawn.Length; i++)
        {
            var (prefix, fractions, upper) = drawn[i];
            holders[i] = new HolderPosition(Address(prefix, i, upper), i == 0 ? Math.Max(1, fractions) : fractions);
        }

        return holders;
    }

    private static string Address(ulong prefix, int index, bool upper)
    {
        var hex = string.Create(CultureInfo.InvariantCulture, $"{prefix:x16}{index:x24}");
        return "0x" + (upper ? hex.ToUpperInvariant() : hex);
    }
}
