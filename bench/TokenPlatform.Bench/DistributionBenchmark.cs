using System.Diagnostics;
using System.Globalization;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Bench;

/// <summary>
/// The revenue waterfall to 1,000,000 holders with random fractions (fixed seed) and 5 payees:
/// one warm-up, then the median of 5 runs; checks that the parts add up to the gross.
/// </summary>
internal static class DistributionBenchmark
{
    private const int HolderCount = 1_000_000;
    private const int Runs = 5;
    private const int Seed = 20_261_126;

    public static int Run()
    {
        var input = Input();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Distribution to {HolderCount:N0} holders and {input.Payees.Count} payees, gross {input.Gross:N0} minor units; {Environment.ProcessorCount} cores, {Environment.Version}"));

        GC.Collect();
        var inputWorkingSet = Process.GetCurrentProcess().WorkingSet64;
        DistributionResult result = null!;
        _ = DistributionCalculator.Compute(input).Value; // warm-up
        var runs = new List<Measurement>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            runs.Add(Measurement.Of(() => result = DistributionCalculator.Compute(input).Value));
        }

        var median = Measurement.Median(runs);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var sum = Sum(result);
        var ok = sum == input.Gross;

        var table = new Table("Figure", "Value")
            .Row("Holders paid", result.Holders.Count.ToString("N0", CultureInfo.InvariantCulture))
            .Row("Time, median of 5 (ms)", Measurement.Milliseconds(median.Elapsed))
            .Row("Time, all runs (ms)", string.Join(" / ", runs.Select(r => Measurement.Milliseconds(r.Elapsed))))
            .Row("Allocated, median run", Measurement.Mebibytes(median.AllocatedBytes))
            .Row("Allocated per holder (bytes)", (median.AllocatedBytes / (double)HolderCount).ToString("N1", CultureInfo.InvariantCulture))
            .Row("Working set with the input built", Measurement.Mebibytes(inputWorkingSet))
            .Row("Peak working set (process)", Measurement.Mebibytes(peak))
            .Row("Parts sum to gross", ok ? "OK" : string.Create(CultureInfo.InvariantCulture, $"FAIL ({sum:N0} != {input.Gross:N0})"));
        Console.WriteLine(table);
        return ok ? 0 : 1;
    }

    private static DistributionInput Input()
    {
        var random = new Random(Seed);
        var holders = new HolderPosition[HolderCount];
        Span<byte> bytes = stackalloc byte[20];
        for (var i = 0; i < holders.Length; i++)
        {
            random.NextBytes(bytes);
            // Mixed-case hex, like checksummed addresses; fractions from 1 to 10,000 so many are equal.
            var hex = Convert.ToHexStringLower(bytes).ToCharArray();
            for (var c = 0; c < hex.Length; c++)
            {
                if (hex[c] >= 'a' && random.Next(2) == 0)
                {
                    hex[c] = char.ToUpperInvariant(hex[c]);
                }
            }

            holders[i] = new HolderPosition("0x" + new string(hex), random.NextInt64(1, 10_001));
        }

        PayeeShare[] payees =
        [
            new("Artist", Address(random), 2_000),
            new("Songwriter", Address(random), 1_000),
            new("Producer", Address(random), 500),
            new("Label", Address(random), 300),
            new("Manager", Address(random), 200),
        ];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new DistributionInput(
            Gross: Money.FromMinorUnits(123_456_789_012_345).Value,
            DistributionFeeBps: 100,
            ManagementFeeBpsPerYear: 150,
            OfferingValue: Money.FromMinorUnits(5_000_000_000_000_000).Value,
            PeriodStart: start,
            PeriodEnd: start.AddDays(91),
            ManagementFeeCarriedIn: Money.Zero,
            Payees: payees,
            HoldersBps: 6_000,
            Holders: holders);
    }

    private static string Address(Random random)
    {
        Span<byte> bytes = stackalloc byte[20];
        random.NextBytes(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    private static Money Sum(DistributionResult result)
    {
        var sum = result.DistributionFee + result.ManagementFee;
        foreach (var payee in result.Payees)
        {
            sum += payee.Amount;
        }

        foreach (var holder in result.Holders)
        {
            sum += holder.Amount;
        }

        return sum;
    }
}
