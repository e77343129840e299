using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Assets;

/// <summary>
/// An admin approves an asset: the listing fee is recorded as platform revenue and the on-chain
/// creation is queued in the same transaction - the asset (supply in the sale escrow, royalty info),
/// then each document's anchor and the offering, plus the revenue split stream.
/// </summary>
public sealed record ApproveAsset(AssetId AssetId, string ActorId = "system") : ICommand<Result<Guid>>;

public sealed class ApproveAssetHandler(
    IAssetRepository assets,
    IWalletService wallets,
    IChainOutbox outbox,
    IFeeScheduleRepository fees,
    IPlatformRevenue revenue,
    Compliance.IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<ApproveAsset, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ApproveAsset command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null)
        {
            return Error.NotFound("asset.missing", "No such asset.");
        }

        if (asset.Status != AssetStatus.InReview)
        {
            return Error.Conflict("asset.not_in_review", $"Only an asset in review can be approved; this one is {asset.Status}.");
        }

        var issuer = await wallets.FindAsync(asset.IssuerId, cancellationToken);
        if (issuer is null)
        {
            return Error.Conflict("wallet.missing", "The issuer has no wallet to receive the proceeds.");
        }

        var now = clock.GetUtcNow();
        var schedule = await fees.InForceAsync(now, cancellationToken);
        var terms = asset.Terms!;
        var create = await outbox.EnqueueAsync(
            new CreateAssetOnChain(asset.Id.Value, issuer.Address, terms.TotalFractions, terms.MaxFractionsPerHolder, asset.Offering!.LockUpUntil, (ushort)terms.ResaleRoyalty.Value),
            OperationKeys.AssetCreate(asset.Id), cancellationToken);
        foreach (var document in asset.Documents.Where(d => d.Kind == DocumentKind.Document).OrderBy(d => d.UploadedAt))
        {
            await outbox.EnqueueAfterAsync(
                new AnchorDocumentOnChain(asset.Id.Value, document.FileName, $"/api/v1/assets/{asset.Id}/documents/{document.Id}", document.Sha256),
                OperationKeys.AssetDocument(asset.Id, document.Id), create.Id, cancellationToken);
        }

        await outbox.EnqueueAfterAsync(
            new OpenOfferingOnChain(asset.Id.Value, terms.PricePerFraction.MinorUnits, terms.MinimumPurchase, asset.Offering.Start, asset.Offering.End),
            OperationKeys.AssetOffering(asset.Id), create.Id, cancellationToken);
        var split = asset.Split!;
        await outbox.EnqueueAsync(
            new CreateRoyaltyStreamOnChain(asset.Id.Value, split.Payees.Select(p => p.Address).ToList(), split.Payees.Select(p => (ushort)p.Bps).ToList(), (ushort)split.HoldersBps),
            OperationKeys.AssetSplit(asset.Id), cancellationToken);

        var approved = asset.Approve(schedule.ListingFee, create.Id, now);
        if (!approved.IsSuccess)
        {
            return approved.Error!;
        }

        revenue.Record(new PlatformRevenueEntry(Guid.CreateVersion7(), PlatformRevenueEntry.ListingFeeKind, asset.Id.Value, schedule.ListingFee, now));
        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ActorId, Compliance.AuditActions.AssetApprove, asset.Id.Value, asset.Name,
            "in review", $"approved; listing fee {schedule.ListingFee} USD", null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return create.Id;
    }
}
