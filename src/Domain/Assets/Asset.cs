using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>
/// An asset an issuer tokenizes. It moves Draft -> InReview -> Approved | Rejected; a rejected asset
/// goes back to draft when edited. Terms can change only while the asset is a draft.
/// </summary>
public sealed class Asset
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

    public Result<Asset> SubmitForReview(DateTimeOffset now)
    {
        if (Status != AssetStatus.Draft)
        {
            return Error.Conflict("asset.not_draft", $"Only a draft can be submitted; this asset is {Status}.");
        }

        if (Terms is null)
        {
            return Error.Validation(nameof(Terms), "Set the terms before submitting for review.");
        }

        Status = AssetStatus.InReview;
        RejectionReason = null;
        Touch(now);
        return this;
    }

    public Result<Asset> Approve(DateTimeOffset now)
    {
        if (Status != AssetStatus.InReview)
        {
            return Error.Conflict("asset.not_in_review", $"Only an asset in review can be approved; this one is {Status}.");
        }

        Status = AssetStatus.Approved;
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
        switch (Status)
        {
            case AssetStatus.Draft:
                return null;
            case AssetStatus.Rejected:
                Status = AssetStatus.Draft;
                return null;
            default:
                return Error.Conflict("asset.locked", $"The asset is {Status}: its details can no longer change.");
        }
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;
}
