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
            else if (operation.Status == ChainOperationStatus.Failed && purchase.Fail(PurchaseFailures.Explain(operation.Error), operation.TxHash, now))
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

/// <summary>Turns a decoded contract revert into a sentence for the investor.</summary>
public static class PurchaseFailures
{
    public static string Explain(string? error) => error switch
    {
        null => "The purchase failed on chain.",
        _ when error.Contains("SoldOut", StringComparison.Ordinal) => "Sold out: the remaining fractions were bought before yours. Nothing was charged.",
        _ when error.Contains("OverLimit", StringComparison.Ordinal) => "Over the maximum holding for one investor. Nothing was charged.",
        _ when error.Contains("NotVerified", StringComparison.Ordinal) => "Your address is not verified on chain. Nothing was charged.",
        _ when error.Contains("BuyerFrozen", StringComparison.Ordinal) => "Your address is frozen; contact support. Nothing was charged.",
        _ when error.Contains("OfferingNotOpen", StringComparison.Ordinal) => "The offering is not open. Nothing was charged.",
        _ when error.Contains("InsufficientBalance", StringComparison.Ordinal) => "Insufficient funds in your wallet. Nothing was charged.",
        _ when error.Contains("InsufficientAllowance", StringComparison.Ordinal) => "Your wallet has not yet authorized the sale. Nothing was charged; try again in a moment.",
        _ when error.Contains("it depends on failed", StringComparison.Ordinal) => "Your on-chain verification did not complete; contact support. Nothing was charged.",
        _ => $"The purchase failed on chain ({error}). Nothing was charged.",
    };
}
