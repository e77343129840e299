using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

public enum PurchaseStatus
{
    /// <summary>Accepted by the platform and queued for the chain.</summary>
    Submitted = 1,
    Confirmed = 2,
    Failed = 3,
}

/// <summary>
/// A primary purchase the investor accepted: its price and commission are fixed when accepted (a later
/// fee change never alters them) and the chain executes exactly these terms.
/// </summary>
public sealed class Purchase
{
    private Purchase()
    {
        InvestorId = "";
        BuyerAddress = "";
    }

    private Purchase(Guid id, string investorId, AssetId assetId, string buyerAddress, PurchaseBreakdown terms, Guid feeScheduleId, Guid operationId, DateTimeOffset now)
    {
        Id = id;
        InvestorId = investorId;
        AssetId = assetId;
        BuyerAddress = buyerAddress;
        Quantity = terms.Quantity;
        PricePerFraction = terms.PricePerFraction;
        CommissionBps = terms.CommissionBps;
        Cost = terms.Total;
        Commission = terms.Commission;
        FeeScheduleId = feeScheduleId;
        OperationId = operationId;
        Status = PurchaseStatus.Submitted;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string InvestorId { get; private set; }

    public AssetId AssetId { get; private set; }

    public string BuyerAddress { get; private set; }

    public long Quantity { get; private set; }

    public Money PricePerFraction { get; private set; }

    public BasisPoints CommissionBps { get; private set; }

    /// <summary>What the investor pays (price x quantity).</summary>
    public Money Cost { get; private set; }

    /// <summary>The platform's share of <see cref="Cost"/> (deducted from the issuer's proceeds).</summary>
    public Money Commission { get; private set; }

    /// <summary>The fee schedule version whose commission the investor accepted.</summary>
    public Guid FeeScheduleId { get; private set; }

    public Guid OperationId { get; private set; }

    public PurchaseStatus Status { get; private set; }

    public string? TxHash { get; private set; }

    public long? BlockNumber { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Purchase Accept(Guid id, string investorId, AssetId assetId, string buyerAddress, PurchaseBreakdown terms, Guid feeScheduleId, Guid operationId, DateTimeOffset now) =>
        new(id, investorId, assetId, buyerAddress, terms ?? throw new ArgumentNullException(nameof(terms)), feeScheduleId, operationId, now);

    public bool Confirm(string txHash, long blockNumber, DateTimeOffset now)
    {
        if (Status != PurchaseStatus.Submitted)
        {
            return false;
        }

        Status = PurchaseStatus.Confirmed;
        TxHash = txHash;
        BlockNumber = blockNumber;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Its chain operation was retried after it failed (an admin's retry): the purchase is in progress
    /// again and settles with what the retry does, as a first attempt would. Only a failed purchase reopens.
    /// </summary>
    public bool Reopen(DateTimeOffset now)
    {
        if (Status != PurchaseStatus.Failed)
        {
            return false;
        }

        Status = PurchaseStatus.Submitted;
        FailureReason = null;
        TxHash = null;
        BlockNumber = null;
        UpdatedAt = now;
        return true;
    }

    public bool Fail(string reason, string? txHash, DateTimeOffset now)
    {
        if (Status != PurchaseStatus.Submitted)
        {
            return false;
        }

        Status = PurchaseStatus.Failed;
        FailureReason = reason;
        TxHash = txHash;
        UpdatedAt = now;
        return true;
    }
}
