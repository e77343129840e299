using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>A named payee of an asset's revenue and its share in basis points, in the asset's split order.</summary>
public sealed record PayeeShare(string Label, string Address, int Bps);

/// <summary>What one address held of an asset at the record time, in fractions (0x address, any letter case).</summary>
public sealed record HolderPosition(string Address, long Fractions);

/// <summary>
/// One period's revenue to distribute, in integer minor units of the settlement stablecoin.
/// </summary>
/// <param name="Gross">The revenue received for the period.</param>
/// <param name="DistributionFeeBps">The platform's fee on every distribution, in basis points of the gross.</param>
/// <param name="ManagementFeeBpsPerYear">The yearly management fee, in basis points of <paramref name="OfferingValue"/>.</param>
/// <param name="OfferingValue">The value the management fee is charged on.</param>
/// <param name="PeriodStart">Start of the period the management fee is prorated over.</param>
/// <param name="PeriodEnd">End of that period (whole seconds count).</param>
/// <param name="ManagementFeeCarriedIn">Management fee earlier periods could not pay, due now.</param>
/// <param name="Payees">The named payees, in the asset's split order.</param>
/// <param name="HoldersBps">The holders' share; with the payees' shares it makes exactly 10,000.</param>
/// <param name="Holders">The holders' positions at the record time, in any order.</param>
public sealed record DistributionInput(
    Money Gross,
    int DistributionFeeBps,
    int ManagementFeeBpsPerYear,
    Money OfferingValue,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    Money ManagementFeeCarriedIn,
    IReadOnlyList<PayeeShare> Payees,
    int HoldersBps,
    IReadOnlyList<HolderPosition> Holders);
