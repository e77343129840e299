using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// The revenue waterfall, exact in integer minor units: the distribution fee, then the management fee
/// (prorated by the second, a shortfall carried to the next period), then the rest split among the named
/// payees and the holders' bucket, and the bucket split among the holders pro-rata to their fractions.
/// Every split is a <see cref="LargestRemainder"/> split, so the parts always add up to the gross.
/// </summary>
public static class DistributionCalculator
{
    /// <summary>A 365-day year: the management fee's proration base.</summary>
    public const long SecondsPerYear = 31_536_000;

    /// <summary>Computes the distribution, or the input's field errors (keyed by input property names).</summary>
    public static Result<DistributionResult> Compute(DistributionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Payees);
        ArgumentNullException.ThrowIfNull(input.Holders);

        var errors = DistributionValidation.CheckTerms(input);
        var count = input.Holders.Count;
        var buffers = new HolderBuffers(count);
        try
        {
            var sorted = HolderOrder.TrySort(input.Holders, buffers.Order, buffers.Keys, buffers.Fractions, errors);
            var withFractions = sorted ? CountPositive(buffers.Fractions) : 0;
            errors.When(sorted && input.HoldersBps > 0 && withFractions == 0, nameof(DistributionInput.Holders), "No holder held fractions at the record time.");
            if (errors.Errors.Count > 0)
            {
                return Result<DistributionResult>.Invalid(errors.Errors);
            }

            return Waterfall(input, buffers, withFractions);
        }
        finally
        {
            buffers.Return();
        }
    }

    /// <summary>The prorated management fee: floor(value x bps x seconds / (10,000 x seconds per year)); no overflow.</summary>
    internal static Int128 ProratedManagementFee(long offeringValue, int bpsPerYear, DateTimeOffset start, DateTimeOffset end)
    {
        var seconds = (end - start).Ticks / TimeSpan.TicksPerSecond;
        return (Int128)offeringValue * bpsPerYear * seconds / ((Int128)BasisPoints.Whole * SecondsPerYear);
    }

    private static DistributionResult Waterfall(DistributionInput input, HolderBuffers buffers, int withFractions)
    {
        // Integer minor units inside: the checked inputs keep every step in range and non-negative.
        var gross = input.Gross.MinorUnits;
        var distributionFee = (long)((Int128)gross * input.DistributionFeeBps / BasisPoints.Whole);
        var prorated = (long)ProratedManagementFee(input.OfferingValue.MinorUnits, input.ManagementFeeBpsPerYear, input.PeriodStart, input.PeriodEnd);
        var due = prorated + input.ManagementFeeCarriedIn.MinorUnits;
        var managementFee = Math.Min(due, gross - distributionFee);
        var afterFees = gross - distributionFee - managementFee;

        var (payees, holdersShare) = SplitAmongPayees(afterFees, input.Payees, input.HoldersBps);
        var holders = SplitAmongHolders(holdersShare, input.Holders, buffers, withFractions);
        return new DistributionResult(Units(gross), Units(distributionFee), Units(prorated), Units(due), Units(managementFee), Units(due - managementFee), Units(afterFees), payees,
            Units(holdersShare), holders);
    }

    /// <summary>The payees by their bps with the holders' bucket as the last entry, so ties go to the payees in split order.</summary>
    private static (PayeeLine[] Payees, long HoldersShare) SplitAmongPayees(long afterFees, IReadOnlyList<PayeeShare> payees, int holdersBps)
    {
        var weights = new long[payees.Count + 1];
        for (var i = 0; i < payees.Count; i++)
        {
            weights[i] = payees[i].Bps;
        }

        weights[^1] = holdersBps;
        var amounts = LargestRemainder.Split(afterFees, weights);
        var lines = new PayeeLine[payees.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var payee = payees[i];
            lines[i] = new PayeeLine(payee.Label, payee.Address, payee.Bps, Units(amounts[i]));
        }

        return (lines, amounts[^1]);
    }

    /// <summary>The holders' bucket pro-rata to fractions, holders in address order (ties go to the lower address).</summary>
    private static HolderLine[] SplitAmongHolders(long share, IReadOnlyList<HolderPosition> holders, HolderBuffers buffers, int withFractions)
    {
        if (withFractions == 0)
        {
            return [];
        }

        ReadOnlySpan<int> order = buffers.Order;
        ReadOnlySpan<long> fractions = buffers.Fractions;
        var weights = buffers.Weights(withFractions);
        var next = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var held = fractions[order[i]];
            if (held > 0)
            {
                weights[next++] = held;
            }
        }

        // The amounts overwrite the fractions by input index: those are not read again.
        var amounts = buffers.Amounts(withFractions);
        LargestRemainder.Split(share, weights, amounts);
        var lines = new HolderLine[withFractions];
        next = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var holder = holders[order[i]];
            if (holder.Fractions > 0)
            {
                lines[next] = new HolderLine(holder.Address, holder.Fractions, Units(amounts[next]));
                next++;
            }
        }

        return lines;
    }

    /// <summary>A computed part as money: never negative (each is a share of the non-negative gross), so a failure here is a bug.</summary>
    private static Money Units(long minorUnits) => Money.FromMinorUnits(minorUnits).Value;

    private static int CountPositive(ReadOnlySpan<long> values)
    {
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0)
            {
                count++;
            }
        }

        return count;
    }
}
