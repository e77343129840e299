using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Investors;

/// <summary>The cost breakdown and every limit for buying <paramref name="Quantity"/> fractions, from the schedule in force.</summary>
public sealed record QuotePurchase(string UserId, AssetId AssetId, long Quantity) : IQuery<Result<PurchaseQuoteView>>;

public sealed record PurchaseQuoteView(
    AssetId AssetId,
    string AssetName,
    Guid FeeScheduleId,
    PurchaseQuote Quote,
    long Available,
    long Held,
    long PendingQuantity,
    Money Balance,
    DateTimeOffset? LockUpUntil);

public sealed class QuotePurchaseHandler(PurchaseContextLoader loader, IFeeScheduleRepository fees, TimeProvider clock) : IQueryHandler<QuotePurchase, Result<PurchaseQuoteView>>
{
    public async ValueTask<Result<PurchaseQuoteView>> Handle(QuotePurchase query, CancellationToken cancellationToken)
    {
        var loaded = await loader.LoadAsync(query.UserId, query.AssetId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (asset, _, _, context) = loaded.Value;
        var effective = await fees.EffectiveForAsync(asset.Id, clock.GetUtcNow(), cancellationToken);
        var quote = PurchaseRules.Quote(asset, effective.PrimaryCommission, query.Quantity, context);
        return new PurchaseQuoteView(asset.Id, asset.Name, effective.Schedule.Id, quote, context.Available, context.Held, context.PendingQuantity, context.Balance, asset.Offering?.LockUpUntil);
    }
}
