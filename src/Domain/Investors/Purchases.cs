using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Wallets;

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

/// <summary>
/// The investor accepts a quote: the purchase is recorded with the accepted commission and queued for
/// the chain in one transaction. <paramref name="AcceptedFeeScheduleId"/> is the version the investor
/// saw; if the fees changed in between, nothing is bought and the new breakdown must be reviewed.
/// </summary>
public sealed record PlacePurchase(string UserId, AssetId AssetId, long Quantity, Guid AcceptedFeeScheduleId, int? AcceptedCommissionBps = null) : ICommand<Result<PurchaseView>>;

public sealed record PurchaseView(
    Guid Id,
    AssetId AssetId,
    string AssetName,
    long Quantity,
    Money PricePerFraction,
    BasisPoints CommissionBps,
    Money Cost,
    Money Commission,
    PurchaseStatus Status,
    string? TxHash,
    long? BlockNumber,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    ChainOperationStatus? OperationStatus)
{
    public static PurchaseView From(Purchase p, string assetName, ChainOperationStatus? operation = null) =>
        new(p.Id, p.AssetId, assetName, p.Quantity, p.PricePerFraction, p.CommissionBps, p.Cost, p.Commission, p.Status, p.TxHash, p.BlockNumber, p.FailureReason, p.CreatedAt, operation);
}

/// <summary>Loads everything a quote depends on: the asset, the investor's verification, wallet, chain balances and purchases in flight.</summary>
public sealed class PurchaseContextLoader(IAssetRepository assets, IInvestorStore store, IWalletService wallets, IInvestorChainReader chain, IChainMonitor monitor, TimeProvider clock)
{
    public sealed record Loaded(Asset Asset, WalletView Wallet, KycApplication? Kyc, PurchaseContext Context);

    public async Task<Result<Loaded>> LoadAsync(string userId, AssetId assetId, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(assetId, cancellationToken);
        if (asset is null || asset.Status != AssetStatus.Live || asset.Terms is null || asset.OnChainTokenId is not { } tokenId)
        {
            return Error.NotFound("asset.missing", "No such asset on sale.");
        }

        var wallet = await wallets.FindAsync(userId, cancellationToken);
        if (wallet is null)
        {
            return Error.Conflict("wallet.missing", "This account has no wallet yet.");
        }

        var kyc = await store.FindKycAsync(userId, cancellationToken);
        var now = clock.GetUtcNow();
        var (verified, hint) = InvestorVerification.Describe(kyc, now);
        var inFlight = (await store.ListPurchasesAsync(userId, cancellationToken)).Where(p => p.Status == PurchaseStatus.Submitted).ToList();
        long balance, held, available;
        try
        {
            balance = await chain.StablecoinBalanceAsync(wallet.Address, cancellationToken);
            held = await chain.FractionsAsync(tokenId, wallet.Address, cancellationToken);
            available = await chain.AvailableAsync(tokenId, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now, so your balance cannot be checked. Try again in a moment.");
        }

        var offering = await monitor.ListByKeyPrefixAsync($"asset:{asset.Id}:offering", cancellationToken);
        var offeringOnChain = offering.Any(o => o.Status == ChainOperationStatus.Confirmed);
        var pendingHere = inFlight.Where(p => p.AssetId == assetId).Sum(p => p.Quantity);
        var pendingCost = Money.FromMinorUnits(inFlight.Sum(p => p.Cost.MinorUnits)).Value;
        var context = new PurchaseContext(verified, hint, available, held, pendingHere, Money.FromMinorUnits(balance).Value, pendingCost, now, offeringOnChain);
        return new Loaded(asset, wallet, kyc, context);
    }
}

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
            $"purchase:{id}", kyc!.SpendingOperationId!.Value, cancellationToken);
        var purchase = Purchase.Accept(id, command.UserId, asset.Id, wallet.Address, terms, schedule.Id, operation.Id, now);
        store.AddPurchase(purchase);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PurchaseView.From(purchase, asset.Name, ChainOperationStatus.Pending);
    }
}

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
