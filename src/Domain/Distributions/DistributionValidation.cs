using System.Globalization;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>The distribution's terms checked before any arithmetic: amounts, shares and the period.</summary>
internal static class DistributionValidation
{
    private const string BpsRange = "Must be between 0 and 10,000 basis points (0.00% to 100.00%).";

    /// <summary>Every field error in the input's terms; the holders are checked while they are ordered.</summary>
    public static FieldErrors CheckTerms(DistributionInput input)
    {
        var errors = new FieldErrors()
            .When(input.Gross == Money.Zero, nameof(input.Gross), "The gross revenue must be above zero.")
            .When(IsOutOfRange(input.DistributionFeeBps), nameof(input.DistributionFeeBps), BpsRange)
            .When(IsOutOfRange(input.ManagementFeeBpsPerYear), nameof(input.ManagementFeeBpsPerYear), BpsRange)
            .When(IsOutOfRange(input.HoldersBps), nameof(input.HoldersBps), BpsRange)
            .When(input.PeriodEnd <= input.PeriodStart, nameof(input.PeriodEnd), "The period must end after it starts.");

        var total = (long)input.HoldersBps;
        for (var i = 0; i < input.Payees.Count; i++)
        {
            var bps = input.Payees[i].Bps;
            errors.When(IsOutOfRange(bps), $"{nameof(input.Payees)}[{i}].{nameof(PayeeShare.Bps)}", BpsRange);
            total += bps;
        }

        errors.When(total != BasisPoints.Whole, nameof(input.Payees),
            string.Create(CultureInfo.InvariantCulture, $"The payees' and the holders' shares add up to {total / 100m:0.00}%: they must add up to exactly 100.00%."));

        if (errors.Errors.Count == 0)
        {
            // The amounts are Money, never negative; only their sum can leave the range.
            var due = DistributionCalculator.ProratedManagementFee(input.OfferingValue.MinorUnits, input.ManagementFeeBpsPerYear, input.PeriodStart, input.PeriodEnd)
                + input.ManagementFeeCarriedIn.MinorUnits;
            errors.When(due > long.MaxValue, nameof(input.OfferingValue), "The management fee due for this period is too large to represent.");
        }

        return errors;
    }

    private static bool IsOutOfRange(int bps) => bps is < 0 or > BasisPoints.Whole;
}
