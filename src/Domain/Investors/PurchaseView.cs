using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

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
