using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>
/// The economic terms of an asset, fixed once the asset is approved and then enforced on chain.
/// Built only through <see cref="Create"/>, so every instance is valid.
/// </summary>
public sealed record AssetTerms
{
    private AssetTerms(long totalFractions, Money pricePerFraction, long minimumPurchase, BasisPoints maxHolding, BasisPoints resaleRoyalty)
    {
        TotalFractions = totalFractions;
        PricePerFraction = pricePerFraction;
        MinimumPurchase = minimumPurchase;
        MaxHolding = maxHolding;
        ResaleRoyalty = resaleRoyalty;
    }

    public long TotalFractions { get; }

    public Money PricePerFraction { get; }

    /// <summary>Smallest number of fractions one primary purchase may buy.</summary>
    public long MinimumPurchase { get; }

    /// <summary>Largest share of the supply one holder may own.</summary>
    public BasisPoints MaxHolding { get; }

    public BasisPoints ResaleRoyalty { get; }

    /// <summary>Value of the whole offering at the primary price (checked: overflow is a validation error).</summary>
    public Money OfferingValue => Money.FromMinorUnits(checked(TotalFractions * PricePerFraction.MinorUnits)).Value;

    /// <summary>The most fractions one holder may own, rounded down.</summary>
    public long MaxFractionsPerHolder => TotalFractions * MaxHolding.Value / BasisPoints.Whole;

    public static Result<AssetTerms> Create(long totalFractions, Money pricePerFraction, long minimumPurchase, BasisPoints maxHolding, BasisPoints resaleRoyalty)
    {
        var errors = new FieldErrors()
            .When(totalFractions <= 0, nameof(TotalFractions), "The supply must be at least one fraction.")
            .When(totalFractions > 1_000_000_000_000, nameof(TotalFractions), "The supply may not exceed 10^12 fractions.")
            .When(pricePerFraction.MinorUnits <= 0, nameof(PricePerFraction), "The price per fraction must be positive.")
            .When(minimumPurchase <= 0, nameof(MinimumPurchase), "The minimum purchase must be at least one fraction.")
            .When(minimumPurchase > totalFractions, nameof(MinimumPurchase), "The minimum purchase cannot exceed the supply.")
            .When(maxHolding.Value == 0, nameof(MaxHolding), "The maximum holding must be above 0%.");

        if (errors.Errors.Count == 0 && totalFractions > long.MaxValue / pricePerFraction.MinorUnits)
        {
            errors.Add(nameof(PricePerFraction), "Supply times price is too large.");
        }

        if (errors.Errors.Count == 0 && totalFractions * maxHolding.Value / BasisPoints.Whole < minimumPurchase)
        {
            errors.Add(nameof(MaxHolding), "The maximum holding must allow at least the minimum purchase.");
        }

        return errors.Errors.Count > 0
            ? Result<AssetTerms>.Invalid(errors.Errors)
            : new AssetTerms(totalFractions, pricePerFraction, minimumPurchase, maxHolding, resaleRoyalty);
    }
}
