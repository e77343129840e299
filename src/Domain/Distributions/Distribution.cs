using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

public enum DistributionStatus
{
    /// <summary>Recorded; its chain operations are queued or running.</summary>
    Executing = 1,
    Completed = 2,

    /// <summary>A step failed on chain; it can be resumed (the failed step runs again, then the rest).</summary>
    Failed = 3,

    /// <summary>
    /// Failed before any money moved and compensated: its revenue is undistributed again and its
    /// entitlements were taken back, as if it never ran.
    /// </summary>
    Cancelled = 4,
}

public enum DistributionLineKind
{
    DistributionFee = 1,
    ManagementFee = 2,
    Payee = 3,
    Holder = 4,
}

/// <summary>One computed line of a distribution: who gets what, and on what basis.</summary>
public sealed class DistributionLine
{
    private DistributionLine()
    {
    }

    public DistributionLine(int order, DistributionLineKind kind, string? label, string? address, int? bps, long? fractions, Money amount, int? holderIndex = null, Money? cumulative = null)
    {
        Order = order;
        Kind = kind;
        Label = label;
        Address = address;
        Bps = bps;
        Fractions = fractions;
        Amount = amount;
        HolderIndex = holderIndex;
        Cumulative = cumulative;
    }

    public Guid DistributionId { get; private set; }

    public int Order { get; private set; }

    public DistributionLineKind Kind { get; private set; }

    public string? Label { get; private set; }

    public string? Address { get; private set; }

    public int? Bps { get; private set; }

    public long? Fractions { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>Holder lines: the holder's permanent leaf index in the asset's entitlement tree.</summary>
    public int? HolderIndex { get; private set; }

    /// <summary>Holder lines: everything ever owed to this holder for the asset after this distribution (the Merkle leaf value).</summary>
    public Money? Cumulative { get; private set; }
}

/// <summary>
/// A revenue distribution of one asset for one period: the waterfall computed once (all integer
/// minor units, parts summing to the gross), then executed on chain through the outbox.
/// </summary>
public sealed class Distribution
{
    private readonly List<DistributionLine> _lines = [];

    private Distribution()
    {
        FunderUserId = "";
        FunderAddress = "";
        MerkleRoot = "";
    }

    public Distribution(Guid id, AssetId assetId, long onChainTokenId, DateTimeOffset recordTime, DistributionInput input, DistributionResult result,
        Guid feeScheduleId, string funderUserId, string funderAddress, string merkleRoot, Money totalEntitled, IReadOnlyList<DistributionLine> lines, DateTimeOffset now,
        Money fromDeposits = default, Guid? authorizationId = null, string? authorizedWallet = null)
    {
        if (fromDeposits > result?.Gross)
        {
            throw new ArgumentOutOfRangeException(nameof(fromDeposits), "What deposits pay lies between 0 and the gross.");
        }

        FromDeposits = fromDeposits;
        (AuthorizationId, AuthorizedWallet) = (authorizationId, authorizedWallet);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lines);
        var (periodStart, periodEnd, distributionFeeBps, managementFeeBps) = (input.PeriodStart, input.PeriodEnd, input.DistributionFeeBps, input.ManagementFeeBpsPerYear);
        OfferingValue = input.OfferingValue;
        ManagementFeeCarriedIn = input.ManagementFeeCarriedIn;
        ManagementFeeProrated = result.ManagementFeeProrated;
        Id = id;
        AssetId = assetId;
        OnChainTokenId = onChainTokenId;
        RecordTime = recordTime;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Gross = result.Gross;
        DistributionFee = result.DistributionFee;
        ManagementFeeDue = result.ManagementFeeDue;
        ManagementFee = result.ManagementFee;
        ManagementFeeCarriedOut = result.ManagementFeeCarriedOut;
        PayeesTotal = Money.Sum(result.Payees.Select(p => p.Amount));
        HoldersShare = result.HoldersShare;
        DistributionFeeBps = distributionFeeBps;
        ManagementFeeBps = managementFeeBps;
        FeeScheduleId = feeScheduleId;
        FunderUserId = funderUserId;
        FunderAddress = funderAddress;
        MerkleRoot = merkleRoot;
        TotalEntitled = totalEntitled;
        Status = DistributionStatus.Executing;
        CreatedAt = now;
        _lines.AddRange(lines);
        if (DistributionFee + ManagementFee + PayeesTotal + HoldersShare != Gross || Money.Sum(_lines.Select(l => l.Amount)) != Gross)
        {
            throw new InvalidOperationException("A distribution's parts must sum exactly to its gross.");
        }
    }

    public Guid Id { get; private set; }

    public AssetId AssetId { get; private set; }

    public long OnChainTokenId { get; private set; }

    /// <summary>Holders are taken as of this time.</summary>
    public DateTimeOffset RecordTime { get; private set; }

    public DateTimeOffset PeriodStart { get; private set; }

    public DateTimeOffset PeriodEnd { get; private set; }

    public Money Gross { get; private set; }

    public Money DistributionFee { get; private set; }

    /// <summary>The management fee's basis: the offering value at the primary price.</summary>
    public Money OfferingValue { get; private set; }

    /// <summary>This period's share of the yearly management fee.</summary>
    public Money ManagementFeeProrated { get; private set; }

    /// <summary>The shortfall carried in from the previous distribution.</summary>
    public Money ManagementFeeCarriedIn { get; private set; }

    public Money ManagementFeeDue { get; private set; }

    public Money ManagementFee { get; private set; }

    /// <summary>The management fee that could not be taken this period (carried to the next one).</summary>
    public Money ManagementFeeCarriedOut { get; private set; }

    public Money PayeesTotal { get; private set; }

    public Money HoldersShare { get; private set; }

    public int DistributionFeeBps { get; private set; }

    public int ManagementFeeBps { get; private set; }

    public Guid FeeScheduleId { get; private set; }

    /// <summary>The part of the gross already at the asset's deposit address (released on chain, not pulled from a wallet).</summary>
    public Money FromDeposits { get; private set; }

    /// <summary>
    /// The standing authorization an automatic run drew the rest of the gross from (the issuer's wallet,
    /// <see cref="AuthorizedWallet"/>); null when deposits paid it all or someone pressed "run".
    /// </summary>
    public Guid? AuthorizationId { get; private set; }

    public string? AuthorizedWallet { get; private set; }

    /// <summary>What this distribution draws from a wallet (the gross minus the deposits).</summary>
    public Money FromWallet => Gross - FromDeposits;

    /// <summary>Whose wallet paid the rest of the gross in (<c>platform</c> for an automatic run of deposits only).</summary>
    public string FunderUserId { get; private set; }

    public string FunderAddress { get; private set; }

    /// <summary>The asset's cumulative entitlement root published by this distribution (0x-hex).</summary>
    public string MerkleRoot { get; private set; }

    /// <summary>Sum of every holder's cumulative entitlement for the asset after this distribution.</summary>
    public Money TotalEntitled { get; private set; }

    public DistributionStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public Guid? FirstOperationId { get; private set; }

    /// <summary>The operation that completes the payout (the holders' funding).</summary>
    public Guid? FundingOperationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<DistributionLine> Lines => _lines;

    /// <summary>The last operation of its chain.</summary>
    public Guid? LastOperationId { get; private set; }

    /// <summary>When the holders' funding (the new root) was confirmed on chain; claims are proven against that root from then on.</summary>
    public DateTimeOffset? FundedAt { get; private set; }

    /// <summary>The funding confirmed on chain (once).</summary>
    public bool MarkFunded(DateTimeOffset now)
    {
        if (FundedAt is not null)
        {
            return false;
        }

        FundedAt = now;
        return true;
    }

    /// <summary>Compensated after a failure before any money moved (see <see cref="DistributionStatus.Cancelled"/>).</summary>
    public bool Cancel(string reason, DateTimeOffset now)
    {
        if (Status != DistributionStatus.Failed)
        {
            return false;
        }

        Status = DistributionStatus.Cancelled;
        FailureReason = reason;
        CompletedAt = now;
        return true;
    }

    public void Track(Guid firstOperationId, Guid fundingOperationId, Guid lastOperationId)
    {
        FirstOperationId = firstOperationId;
        FundingOperationId = fundingOperationId;
        LastOperationId = lastOperationId;
    }

    public bool Complete(DateTimeOffset now)
    {
        if (Status == DistributionStatus.Completed)
        {
            return false;
        }

        Status = DistributionStatus.Completed;
        FailureReason = null;
        CompletedAt = now;
        return true;
    }

    /// <summary>Its failed operations were retried: the distribution runs again (same operations, same idempotency keys).</summary>
    public bool Resume()
    {
        if (Status != DistributionStatus.Failed)
        {
            return false;
        }

        Status = DistributionStatus.Executing;
        FailureReason = null;
        CompletedAt = null;
        return true;
    }

    public bool Fail(string reason, DateTimeOffset now)
    {
        if (Status != DistributionStatus.Executing)
        {
            return false;
        }

        Status = DistributionStatus.Failed;
        FailureReason = reason;
        CompletedAt = now;
        return true;
    }
}
