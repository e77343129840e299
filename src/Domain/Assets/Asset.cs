using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>
/// An asset an issuer tokenizes. It moves Draft -> InReview -> Approved | Rejected; a rejected asset
/// goes back to draft when edited. Terms can change only while the asset is a draft.
/// </summary>
public sealed partial class Asset
{
    public const int NameMaxLength = 120;

    private Asset(AssetId id, string issuerId, AssetKind kind, string name, DateTimeOffset createdAt)
    {
        Id = id;
        IssuerId = issuerId;
        Kind = kind;
        Name = name;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Status = AssetStatus.Draft;
    }

    public AssetId Id { get; private set; }

    public string IssuerId { get; private set; }

    public AssetKind Kind { get; private set; }

    public string Name { get; private set; }

    public AssetStatus Status { get; private set; }

    public AssetTerms? Terms { get; private set; }

    public AssetDetails? Details { get; private set; }

    /// <summary>Normalized ISRC of a music asset (unique across the platform), else null.</summary>
    public string? Isrc { get; private set; }

    public OfferingPlan? Offering { get; private set; }

    public RevenueSplit? Split { get; private set; }

    public IReadOnlyCollection<AssetDocument> Documents => _documents.AsReadOnly();

    /// <summary>The asset's id on the asset token once it is created on chain.</summary>
    public long? OnChainTokenId { get; private set; }

    /// <summary>The asset's revenue stream on the splitter, recorded when the chain confirmed its creation.</summary>
    public long? StreamId { get; private set; }

    /// <summary>When the chain confirmed the primary offering's opening (null until then: nothing can be bought).</summary>
    public DateTimeOffset? OfferingOpenedAt { get; private set; }

    /// <summary>The facts the chain still has to confirm for this asset (creation, stream, offering).</summary>
    public bool AwaitsChain => Status == AssetStatus.Approved || (Status == AssetStatus.Live && (StreamId is null || OfferingOpenedAt is null));

    /// <summary>The outbox operation creating the asset on chain (set on approval).</summary>
    public Guid? CreationOperationId { get; private set; }

    public Money? ListingFee { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    private readonly List<AssetDocument> _documents = [];

    public string? RejectionReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<Asset> CreateDraft(string issuerId, AssetKind kind, string name, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Required(issuerId, nameof(IssuerId), "The issuer")
            .When(!Enum.IsDefined(kind), nameof(Kind), "Choose real estate, art or music royalty.")
            .Required(name, nameof(Name), "The name")
            .Length(name, 3, NameMaxLength, nameof(Name), "The name");
        return errors.Errors.Count > 0
            ? Result<Asset>.Invalid(errors.Errors)
            : new Asset(AssetId.New(), issuerId, kind, name.Trim(), now);
    }

    public Result<Asset> Rename(string name, DateTimeOffset now)
    {
        var errors = new FieldErrors().Required(name, nameof(Name), "The name").Length(name, 3, NameMaxLength, nameof(Name), "The name");
        if (errors.Errors.Count > 0)
        {
            return Result<Asset>.Invalid(errors.Errors);
        }

        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        Name = name.Trim();
        Touch(now);
        return this;
    }

    public Result<Asset> SetTerms(AssetTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (Kind == AssetKind.RealEstate && terms.ResaleRoyalty.Value != 0)
        {
            return Error.Validation(nameof(AssetTerms.ResaleRoyalty), "Real estate carries no resale royalty.");
        }

        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        Terms = terms;
        Touch(now);
        return this;
    }

    public Result<Asset> SetDetails(AssetDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Kind != Kind)
        {
            return Error.Validation(nameof(Details), $"This asset is {Kind}: its details must be of that kind.");
        }

        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        Details = details;
        Isrc = (details as MusicRoyaltyDetails)?.Isrc;
        Touch(now);
        return this;
    }

    public Result<Asset> SetOffering(OfferingPlan offering, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offering);
        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        Offering = offering;
        Touch(now);
        return this;
    }

    public Result<Asset> SetSplit(RevenueSplit split, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        Split = split;
        Touch(now);
        return this;
    }

    public Result<Asset> AddDocument(AssetDocument document, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_documents.Count >= 20)
        {
            return Error.Validation("File", "An asset holds at most 20 files.");
        }

        if (_documents.Any(d => d.Sha256 == document.Sha256))
        {
            return Error.Validation("File", "This file is already attached.");
        }

        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        _documents.Add(document);
        Touch(now);
        return this;
    }

    public Result<Asset> RemoveDocument(Guid documentId, DateTimeOffset now)
    {
        if (EnsureEditable() is { } refused)
        {
            return refused;
        }

        if (_documents.RemoveAll(d => d.Id == documentId) == 0)
        {
            return Error.NotFound("document.missing", "No such file on this asset.");
        }

        Touch(now);
        return this;
    }

    /// <summary>What is still missing before the asset can go to review (empty when ready).</summary>
    public IReadOnlyList<FieldError> MissingForReview() =>
        new FieldErrors()
            .When(Details is null, nameof(Details), "Describe the asset.")
            .When(Terms is null, nameof(Terms), "Set the terms.")
            .When(Offering is null, nameof(Offering), "Set the offering window.")
            .When(Split is null, nameof(Split), "Set the revenue split.")
            .When(!_documents.Any(d => d.Kind == DocumentKind.Document), nameof(Documents), "Attach at least one document (deed, appraisal, contract...).")
            .Errors;

    public Result<Asset> SubmitForReview(DateTimeOffset now)
    {
        if (Status != AssetStatus.Draft)
        {
            return Error.Conflict("asset.not_draft", $"Only a draft can be submitted; this asset is {Status}.");
        }

        if (MissingForReview() is { Count: > 0 } missing)
        {
            return Result<Asset>.Invalid(missing);
        }

        Status = AssetStatus.InReview;
        RejectionReason = null;
        Touch(now);
        return this;
    }

    /// <summary>Approves the asset and records the listing fee; the caller enqueues its chain creation.</summary>
    public Result<Asset> Approve(Money listingFee, Guid creationOperationId, DateTimeOffset now)
    {
        if (Status != AssetStatus.InReview)
        {
            return Error.Conflict("asset.not_in_review", $"Only an asset in review can be approved; this one is {Status}.");
        }

        Status = AssetStatus.Approved;
        ListingFee = listingFee;
        CreationOperationId = creationOperationId;
        ApprovedAt = now;
        Touch(now);
        return this;
    }

    public Result<Asset> Reject(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Give the issuer a reason for the rejection.");
        }

        if (Status != AssetStatus.InReview)
        {
            return Error.Conflict("asset.not_in_review", $"Only an asset in review can be rejected; this one is {Status}.");
        }

        Status = AssetStatus.Rejected;
        RejectionReason = reason.Trim();
        Touch(now);
        return this;
    }

    /// <summary>Drafts and rejected assets are editable; editing a rejected asset reopens it as a draft.</summary>
    private Error? EnsureEditable()
    {
        if (!Status.IsEditable())
        {
            return Error.Conflict("asset.locked", $"The asset is {Status}: its details can no longer change.");
        }

        Status = AssetStatus.Draft;
        return null;
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;
}
