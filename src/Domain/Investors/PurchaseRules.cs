using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

/// <summary>
/// The exact cost of a primary purchase: price x quantity is what the investor pays; the platform's
/// commission (schedule in force, rounded down like the contract) comes out of the issuer's proceeds.
/// </summary>
public sealed record PurchaseBreakdown(long Quantity, Money PricePerFraction, Money Subtotal, BasisPoints CommissionBps, Money Commission, Money Total, Money IssuerReceives);

/// <summary>What is known about the buyer and the asset when a purchase is quoted.</summary>
public sealed record PurchaseContext(
    bool Verified,
    string? VerificationHint,
    long Available,
    long Held,
    long PendingQuantity,
    Money Balance,
    Money PendingCost,
    DateTimeOffset Now,
    bool OfferingOnChain = true);

/// <summary>The bounds of the quantity picker: at least <see cref="Minimum"/>, at most <see cref="Maximum"/> (0 when nothing can be bought).</summary>
public sealed record QuantityBounds(long Minimum, long Maximum, long ByAvailability, long ByHoldingLimit, long ByBalance);

public sealed record PurchaseQuote(PurchaseBreakdown? Breakdown, QuantityBounds Bounds, IReadOnlyList<FieldError> Refusals)
{
    public bool CanBuy => Refusals.Count == 0 && Breakdown is not null;
}

public static class PurchaseRules
{
    public static Result<PurchaseBreakdown> Breakdown(AssetTerms terms, BasisPoints commission, long quantity)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (quantity <= 0)
        {
            return Error.Validation("Quantity", "Enter a number of fractions above zero.");
        }

        if (quantity > terms.TotalFractions)
        {
            return Error.Validation("Quantity", $"The asset has only {terms.TotalFractions:N0} fractions.");
        }

        // Cannot overflow: quantity <= supply and supply x price fits a long (checked by AssetTerms).
        var subtotal = Money.FromMinorUnits(quantity * terms.PricePerFraction.MinorUnits).Value;
        var fee = commission.Of(subtotal);
        return new PurchaseBreakdown(quantity, terms.PricePerFraction, subtotal, commission, fee, subtotal,
            Money.FromMinorUnits(subtotal.MinorUnits - fee.MinorUnits).Value);
    }

    public static QuantityBounds Bounds(AssetTerms terms, PurchaseContext context)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(context);
        var byAvailability = Math.Max(0, context.Available);
        var byHolding = Math.Max(0, terms.MaxFractionsPerHolder - context.Held - context.PendingQuantity);
        var spendable = Math.Max(0, context.Balance.MinorUnits - context.PendingCost.MinorUnits);
        var byBalance = spendable / terms.PricePerFraction.MinorUnits;
        var maximum = Math.Min(byAvailability, Math.Min(byHolding, byBalance));
        return new QuantityBounds(terms.MinimumPurchase, maximum < terms.MinimumPurchase ? 0 : maximum, byAvailability, byHolding, byBalance);
    }

    /// <summary>Every reason the purchase cannot go ahead, in words the investor can act on (empty when it can).</summary>
    public static PurchaseQuote Quote(Asset asset, BasisPoints commission, long quantity, PurchaseContext context)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(context);
        var terms = asset.Terms ?? throw new InvalidOperationException("A live asset has terms.");
        var bounds = Bounds(terms, context);
        var breakdown = Breakdown(terms, commission, quantity);
        var refusals = new FieldErrors();
        if (asset.Status != AssetStatus.Live || asset.OnChainTokenId is null)
        {
            refusals.Add("Asset", "This asset is not on sale.");
        }
        else if (!context.OfferingOnChain)
        {
            refusals.Add("Asset", "The offering is being opened on chain; try again in a few seconds.");
        }
        else if (asset.Offering is { } offering && context.Now < offering.Start)
        {
            refusals.Add("Asset", $"The offering opens on {offering.Start:yyyy-MM-dd HH:mm} UTC.");
        }
        else if (asset.Offering is { } window && context.Now >= window.End)
        {
            refusals.Add("Asset", $"The offering closed on {window.End:yyyy-MM-dd HH:mm} UTC.");
        }

        if (!context.Verified)
        {
            refusals.Add("Verification", context.VerificationHint ?? "Verify your identity before buying.");
        }

        if (!breakdown.IsSuccess)
        {
            return new PurchaseQuote(null, bounds, [.. refusals.Errors, .. breakdown.Error!.Fields]);
        }

        var held = context.Held + context.PendingQuantity;
        refusals
            .When(context.Available == 0, "Quantity", "Sold out: every fraction of this offering has been sold.")
            .When(context.Available > 0 && quantity > context.Available, "Quantity", $"Only {context.Available:N0} fractions are still available.")
            .When(quantity < terms.MinimumPurchase, "Quantity", $"The minimum purchase is {terms.MinimumPurchase:N0} fractions.")
            .When(held + quantity > terms.MaxFractionsPerHolder, "Quantity",
                held == 0
                    ? $"One investor may hold at most {terms.MaxFractionsPerHolder:N0} fractions ({terms.MaxHolding} of the supply)."
                    : $"One investor may hold at most {terms.MaxFractionsPerHolder:N0} fractions ({terms.MaxHolding} of the supply); you hold {held:N0}{(context.PendingQuantity > 0 ? " including purchases in progress" : "")}, so you can buy {Math.Max(0, terms.MaxFractionsPerHolder - held):N0} more.")
            .When(breakdown.Value.Total.MinorUnits > context.Balance.MinorUnits - context.PendingCost.MinorUnits, "Balance",
                $"Insufficient funds: this costs {breakdown.Value.Total} and your available balance is {Money.FromMinorUnits(Math.Max(0, context.Balance.MinorUnits - context.PendingCost.MinorUnits)).Value}. Add funds on the Wallet page.");
        return new PurchaseQuote(breakdown.Value, bounds, refusals.Errors);
    }
}
