using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>What one named payee receives.</summary>
public sealed record PayeeLine(string Label, string Address, int Bps, Money Amount);

/// <summary>What one holder receives for the fractions it held.</summary>
public sealed record HolderLine(string Address, long Fractions, Money Amount);

/// <summary>
/// A distribution's waterfall in integer minor units. The parts always add up exactly to the gross:
/// <c>DistributionFee + ManagementFee + sum(Payees) + sum(Holders) == Gross</c>.
/// </summary>
/// <param name="Gross">The revenue received.</param>
/// <param name="DistributionFee">The platform's distribution fee, rounded down.</param>
/// <param name="ManagementFeeProrated">This period's management fee, prorated by the second and rounded down.</param>
/// <param name="ManagementFeeDue">The prorated fee plus what earlier periods carried in.</param>
/// <param name="ManagementFee">The management fee taken from this gross: the due amount, or what is left after the distribution fee if less.</param>
/// <param name="ManagementFeeCarriedOut">The shortfall, due in the next period.</param>
/// <param name="AfterFees">What the payees and the holders share.</param>
/// <param name="Payees">The named payees, in the asset's split order.</param>
/// <param name="HoldersShare">The holders' part of <paramref name="AfterFees"/>.</param>
/// <param name="Holders">The holders with fractions, by address ascending (case-insensitive).</param>
public sealed record DistributionResult(
    Money Gross,
    Money DistributionFee,
    Money ManagementFeeProrated,
    Money ManagementFeeDue,
    Money ManagementFee,
    Money ManagementFeeCarriedOut,
    Money AfterFees,
    IReadOnlyList<PayeeLine> Payees,
    Money HoldersShare,
    IReadOnlyList<HolderLine> Holders);
