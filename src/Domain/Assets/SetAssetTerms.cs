using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>The economic terms and the offering window (wizard step "Terms").</summary>
public sealed record SetAssetTerms(
    string IssuerId,
    AssetId AssetId,
    long TotalFractions,
    long PricePerFraction,
    long MinimumPurchase,
    int MaxHoldingBps,
    int ResaleRoyaltyBps,
    DateTimeOffset OfferingStart,
    DateTimeOffset OfferingEnd,
    DateTimeOffset? LockUpUntil) : ICommand<Result<AssetId>>;

public sealed class SetAssetTermsHandler(IAssetRepository assets, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SetAssetTerms, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(SetAssetTerms command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        var price = Money.FromMinorUnits(command.PricePerFraction, nameof(AssetTerms.PricePerFraction));
        var maxHolding = BasisPoints.Create(command.MaxHoldingBps, nameof(AssetTerms.MaxHolding));
        var royalty = BasisPoints.Create(command.ResaleRoyaltyBps, nameof(AssetTerms.ResaleRoyalty));
        foreach (var part in new IOutcome[] { price, maxHolding, royalty }.Where(p => !p.IsSuccess))
        {
            errors.AddRange(part.Error!.Fields);
        }

        var offering = OfferingPlan.Create(command.OfferingStart, command.OfferingEnd, command.LockUpUntil, now);
        if (!offering.IsSuccess)
        {
            errors.AddRange(offering.Error!.Fields);
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var terms = AssetTerms.Create(command.TotalFractions, price.Value, command.MinimumPurchase, maxHolding.Value, royalty.Value);
        if (!terms.IsSuccess)
        {
            return terms.Error!;
        }

        var asset = loaded.Value;
        foreach (var step in new Func<Result<Asset>>[] { () => asset.SetTerms(terms.Value, now), () => asset.SetOffering(offering.Value, now) })
        {
            var applied = step();
            if (!applied.IsSuccess)
            {
                return applied.Error!;
            }
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return asset.Id;
    }
}
