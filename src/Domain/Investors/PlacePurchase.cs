using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Investors;

/// <summary>
/// The investor accepts a quote: the purchase is recorded with the accepted commission and queued for
/// the chain in one transaction. <paramref name="AcceptedFeeScheduleId"/> is the version the investor
/// saw; if the fees changed in between, nothing is bought and the new breakdown must be reviewed.
/// </summary>
public sealed record PlacePurchase(string UserId, AssetId AssetId, long Quantity, Guid AcceptedFeeScheduleId, int? AcceptedCommissionBps = null) : ICommand<Result<PurchaseView>>;

public sealed class PlacePurchaseHandler(PurchaseContextLoader loader, IInvestorStore store, IFeeScheduleRepository fees, IChainOutbox outbox, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<PlacePurchase, Result<PurchaseView>>
{
    public async ValueTask<Result<PurchaseView>> Handle(PlacePurchase command, CancellationToken cancellationToken)
    {
        var loaded = await loader.LoadAsync(command.UserId, command.AssetId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (asset, wallet, kyc, context) = loaded.Value;
        var now = clock.GetUtcNow();
        var effective = await fees.EffectiveForAsync(asset.Id, now, cancellationToken);
        var schedule = effective.Schedule;
        if (schedule.Id != command.AcceptedFeeScheduleId || (command.AcceptedCommissionBps is { } accepted && accepted != effective.PrimaryCommission.Value))
        {
            return Error.Conflict("fees.changed", $"The platform's fees changed since your quote (the commission is now {effective.PrimaryCommission}). Review the new breakdown and confirm again.");
        }

        var quote = PurchaseRules.Quote(asset, effective.PrimaryCommission, command.Quantity, context);
        if (!quote.CanBuy)
        {
            return Result<PurchaseView>.Invalid(quote.Refusals);
        }

        var terms = quote.Breakdown!;
        var id = Guid.CreateVersion7();
        var operation = await outbox.EnqueueAfterAsync(
            new BuyFractionsOnChain(id, command.UserId, asset.OnChainTokenId!.Value, wallet.Address, terms.Quantity, (ushort)terms.CommissionBps.Value),
            OperationKeys.Purchase(id), kyc!.SpendingOperationId!.Value, cancellationToken);
        var purchase = Purchase.Accept(id, command.UserId, asset.Id, wallet.Address, terms, schedule.Id, operation.Id, now);
        store.AddPurchase(purchase);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PurchaseView.From(purchase, asset.Name, ChainOperationStatus.Pending);
    }
}
