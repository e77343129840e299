using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

public enum DocumentKind
{
    /// <summary>A picture shown on the asset page (images only).</summary>
    Photo = 1,

    /// <summary>A document whose SHA-256 is anchored on chain (deed, appraisal, contract...).</summary>
    Document = 2,
}

/// <summary>A file attached to an asset. The SHA-256 is computed from the bytes stored, by the platform.</summary>
public sealed class AssetDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static IReadOnlyList<string> ImageTypes { get; } = ["image/png", "image/jpeg", "image/webp"];

    public static IReadOnlyList<string> DocumentTypes { get; } = ["application/pdf", "image/png", "image/jpeg", "image/webp"];

    private AssetDocument(Guid id, DocumentKind kind, string fileName, string contentType, long sizeBytes, string sha256, string storageKey, DateTimeOffset uploadedAt)
    {
        Id = id;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes (64 characters).</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the document store keeps the bytes.</summary>
    public string StorageKey { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Checks type and size before anything is stored.</summary>
    public static IReadOnlyList<FieldError> Check(DocumentKind kind, string? fileName, string? contentType, long sizeBytes) =>
        new FieldErrors()
            .When(!Enum.IsDefined(kind), "Kind", "Choose photo or document.")
            .Required(fileName, "FileName", "The file name")
            .When(sizeBytes <= 0, "File", "The file is empty.")
            .When(sizeBytes > MaxBytes, "File", $"The file is {sizeBytes / 1024d / 1024d:0.0} MB: at most {MaxBytes / 1024 / 1024} MB.")
            .When(kind == DocumentKind.Photo && !ImageTypes.Contains(contentType ?? ""), "File", "A photo must be a PNG, JPEG or WebP image.")
            .When(kind == DocumentKind.Document && !DocumentTypes.Contains(contentType ?? ""), "File", "A document must be a PDF or an image (PNG, JPEG, WebP).")
            .Errors;

    public static Result<AssetDocument> Create(DocumentKind kind, string fileName, string contentType, long sizeBytes, string sha256, string storageKey, DateTimeOffset now)
    {
        var errors = Check(kind, fileName, contentType, sizeBytes).ToList();
        if (sha256 is not { Length: 64 } || !sha256.All(Uri.IsHexDigit))
        {
            errors.Add(new FieldError("File", "The file's SHA-256 could not be computed."));
        }

        return errors.Count > 0
            ? Result<AssetDocument>.Invalid(errors)
            : new AssetDocument(Guid.CreateVersion7(), kind, Path.GetFileName(fileName.Trim()), contentType, sizeBytes, sha256.ToLowerInvariant(), storageKey, now);
    }
}

/// <summary>When the primary offering runs and how long holders must keep their fractions.</summary>
public sealed record OfferingPlan
{
    private OfferingPlan(DateTimeOffset start, DateTimeOffset end, DateTimeOffset? lockUpUntil)
    {
        Start = start;
        End = end;
        LockUpUntil = lockUpUntil;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Until then, fractions cannot change hands between investors (primary sales still can).</summary>
    public DateTimeOffset? LockUpUntil { get; }

    public static Result<OfferingPlan> Create(DateTimeOffset start, DateTimeOffset end, DateTimeOffset? lockUpUntil, DateTimeOffset now) =>
        new FieldErrors()
            .When(end <= start, nameof(End), "The offering must end after it starts.")
            .When(end <= now, nameof(End), "The offering must end in the future.")
            .When(lockUpUntil is { } l && l <= now, nameof(LockUpUntil), "The lock-up date is in the past.")
            .Errors is { Count: > 0 } errors
            ? Result<OfferingPlan>.Invalid(errors)
            : new OfferingPlan(start, end, lockUpUntil);
}
