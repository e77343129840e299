using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;

namespace TokenPlatform.Domain.Investors;

/// <summary>
/// Settles purchases with what the chain did (run by a background worker): confirmed ones record the
/// commission as platform revenue, failed ones keep the decoded reason in words. A failed purchase
/// whose operation an admin retried is in progress again and settles with the retry's outcome.
/// </summary>
public sealed record SyncPurchasesWithChain : ICommand<int>;

public sealed class SyncPurchasesWithChainHandler(IInvestorStore store, IChainOutbox outbox, IPlatformRevenue revenue, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SyncPurchasesWithChain, int>
{
    public async ValueTask<int> Handle(SyncPurchasesWithChain command, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var purchase in await store.ListUnsettledPurchasesAsync(200, cancellationToken))
        {
            var operation = await outbox.FindAsync(purchase.OperationId, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var reopened = WasRetried(purchase, operation) && purchase.Reopen(now);
            if (operation.Status == ChainOperationStatus.Confirmed && purchase.Confirm(operation.TxHash!, operation.BlockNumber ?? 0, now))
            {
                if (purchase.Commission.MinorUnits > 0)
                {
                    revenue.Record(new PlatformRevenueEntry(Guid.CreateVersion7(), PlatformRevenueEntry.PrimaryCommissionKind, purchase.AssetId.Value, purchase.Commission, now));
                }

                changed++;
            }
            else if (operation.Status == ChainOperationStatus.Failed && purchase.Fail(PurchaseFailures.Explain(operation), operation.TxHash, now))
            {
                changed++;
            }
            else if (reopened)
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// The operation moved on after the purchase failed: it is queued or sent again, confirmed, or failed
    /// anew (a retry that failed before this pass saw it in progress; its reason replaces the old one).
    /// </summary>
    private static bool WasRetried(Purchase purchase, ChainOperationView operation) =>
        purchase.Status == PurchaseStatus.Failed && (operation.Status != ChainOperationStatus.Failed || operation.UpdatedAt > purchase.UpdatedAt);
}

/// <summary>Turns the typed cause of a failed purchase into a sentence for the investor.</summary>
public static class PurchaseFailures
{
    public static string Explain(ChainOperationView operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Failure switch
        {
            ChainFailure.SoldOut => "Sold out: the remaining fractions were bought before yours. Nothing was charged.",
            ChainFailure.OverLimit => "Over the maximum holding for one investor. Nothing was charged.",
            ChainFailure.NotVerified => "Your address is not verified on chain. Nothing was charged.",
            ChainFailure.BuyerFrozen => "Your address is frozen; contact support. Nothing was charged.",
            ChainFailure.OfferingNotOpen => "The offering is not open. Nothing was charged.",
            ChainFailure.BelowMinimumPurchase => "Below the offering's minimum purchase. Nothing was charged.",
            ChainFailure.ERC20InsufficientBalance or ChainFailure.InsufficientBalance => "Insufficient funds in your wallet. Nothing was charged.",
            ChainFailure.ERC20InsufficientAllowance => "Your wallet has not yet authorized the sale. Nothing was charged; try again in a moment.",
            ChainFailure.DependencyFailed => "Your on-chain verification did not complete; contact support. Nothing was charged.",
            _ when operation.Error is null => "The purchase failed on chain.",
            _ => $"The purchase failed on chain ({operation.Error}). Nothing was charged.",
        };
    }
}
