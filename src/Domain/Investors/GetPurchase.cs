using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

/// <summary>One of the caller's purchases with its live chain status; another investor's id is "not found".</summary>
public sealed record GetPurchase(string UserId, Guid PurchaseId) : IQuery<Result<PurchaseView>>;

public sealed class GetPurchaseHandler(IInvestorStore store, IAssetRepository assets, IChainOutbox outbox) : IQueryHandler<GetPurchase, Result<PurchaseView>>
{
    public async ValueTask<Result<PurchaseView>> Handle(GetPurchase query, CancellationToken cancellationToken)
    {
        var purchase = await store.FindPurchaseAsync(query.PurchaseId, cancellationToken);
        if (purchase is null || purchase.InvestorId != query.UserId)
        {
            return Error.NotFound("purchase.missing", "No such purchase among yours.");
        }

        var asset = await assets.FindAsync(purchase.AssetId, cancellationToken);
        var operation = await outbox.FindAsync(purchase.OperationId, cancellationToken);
        return PurchaseView.From(purchase, asset?.Name ?? "", operation?.Status);
    }
}
