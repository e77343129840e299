using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

public enum KycStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// An investor's identity check: submitted with an ID document, reviewed by an admin. Approval
/// registers the investor's address as verified on chain (until <see cref="ExpiresAt"/>). A
/// rejected application can be submitted again with corrected data; an approved one is final.
/// </summary>
public sealed class KycApplication
{
    public const int MinimumAge = 18;
    public const long DocumentMaxBytes = 10 * 1024 * 1024;
    public static readonly IReadOnlyList<string> DocumentTypes = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>How long a verification stays valid on chain before the investor must renew it.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    private KycApplication(Guid id, string userId)
    {
        Id = id;
        UserId = userId;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string FullName { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; } = "";

    public DateOnly DateOfBirth { get; private set; }

    public string DocumentFileName { get; private set; } = "";

    public string DocumentContentType { get; private set; } = "";

    public string DocumentStorageKey { get; private set; } = "";

    public string DocumentSha256 { get; private set; } = "";

    public KycStatus Status { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The outbox operation registering the address as verified.</summary>
    public Guid? RegistrationOperationId { get; private set; }

    /// <summary>The outbox operation letting the primary sale draw the investor's stablecoin (runs after the registration).</summary>
    public Guid? SpendingOperationId { get; private set; }

    /// <summary>Checks the personal data a submission carries; the document is checked separately.</summary>
    public static IReadOnlyList<FieldError> CheckPersonalData(string? fullName, string? countryCode, DateOnly? dateOfBirth, DateOnly today)
    {
        var errors = new FieldErrors()
            .Required(fullName, nameof(FullName), "Your full name")
            .Length(fullName, 2, 120, nameof(FullName), "Your full name")
            .Required(countryCode, nameof(CountryCode), "Your country of residence")
            .When(!string.IsNullOrWhiteSpace(countryCode) && Countries.Find(countryCode) is null, nameof(CountryCode),
                "We cannot onboard investors from this country yet.")
            .When(dateOfBirth is null, nameof(DateOfBirth), "Your date of birth is required.");
        if (dateOfBirth is { } born)
        {
            errors
                .When(born > today, nameof(DateOfBirth), "The date of birth is in the future.")
                .When(born <= today && born.AddYears(MinimumAge) > today, nameof(DateOfBirth), $"Investors must be at least {MinimumAge} years old.")
                .When(born.AddYears(120) < today, nameof(DateOfBirth), "Check the year of your date of birth.");
        }

        return errors.Errors;
    }

    public static IReadOnlyList<FieldError> CheckDocument(string? fileName, string? contentType, long size) =>
        new FieldErrors()
            .Required(fileName, "Document", "An ID document (passport or identity card)")
            .When(!string.IsNullOrWhiteSpace(fileName) && !DocumentTypes.Contains(contentType ?? ""), "Document", "The ID document must be a PDF, JPEG or PNG file.")
            .When(size > DocumentMaxBytes, "Document", $"The ID document may be at most {DocumentMaxBytes / 1024 / 1024} MB.")
            .When(!string.IsNullOrWhiteSpace(fileName) && size == 0, "Document", "The ID document is empty.")
            .Errors;

    public static KycApplication Submit(string userId, string fullName, Country country, DateOnly dateOfBirth, KycDocument document, DateTimeOffset now)
    {
        var application = new KycApplication(Guid.CreateVersion7(), userId);
        application.Resubmit(fullName, country, dateOfBirth, document, now);
        return application;
    }

    /// <summary>Replaces a rejected application's data (the reviewer sees the new submission).</summary>
    public Result<KycApplication> Resubmit(string fullName, Country country, DateOnly dateOfBirth, KycDocument document, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(document);
        if (Status == KycStatus.Pending || (Status == KycStatus.Approved && ExpiresAt > now))
        {
            return Error.Conflict("kyc.already_submitted", Status == KycStatus.Pending
                ? "Your verification is already waiting for review."
                : "You are already verified.");
        }

        FullName = fullName.Trim();
        CountryCode = country.Alpha2;
        DateOfBirth = dateOfBirth;
        DocumentFileName = document.FileName;
        DocumentContentType = document.ContentType;
        DocumentStorageKey = document.StorageKey;
        DocumentSha256 = document.Sha256;
        Status = KycStatus.Pending;
        RejectionReason = null;
        ReviewedBy = null;
        ReviewedAt = null;
        SubmittedAt = now;
        return this;
    }

    public Result<KycApplication> Approve(string reviewerId, Guid registrationOperationId, Guid spendingOperationId, DateTimeOffset now)
    {
        if (Status != KycStatus.Pending)
        {
            return Error.Conflict("kyc.not_pending", $"Only a pending application can be approved; this one is {Status}.");
        }

        Status = KycStatus.Approved;
        ReviewedBy = reviewerId;
        ReviewedAt = now;
        ExpiresAt = now + Validity;
        RegistrationOperationId = registrationOperationId;
        SpendingOperationId = spendingOperationId;
        return this;
    }

    public Result<KycApplication> Reject(string reviewerId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            return Error.Validation("Reason", "Tell the investor what to correct (at least 5 characters).");
        }

        if (Status != KycStatus.Pending)
        {
            return Error.Conflict("kyc.not_pending", $"Only a pending application can be rejected; this one is {Status}.");
        }

        Status = KycStatus.Rejected;
        RejectionReason = reason.Trim();
        ReviewedBy = reviewerId;
        ReviewedAt = now;
        return this;
    }
}

/// <summary>The stored ID document of a submission (bytes in the document store, hash computed while storing).</summary>
public sealed record KycDocument(string FileName, string ContentType, string StorageKey, string Sha256);
