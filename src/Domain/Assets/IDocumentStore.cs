namespace TokenPlatform.Domain.Assets;

/// <summary>Where asset files live. Storing computes the SHA-256 of exactly the bytes kept.</summary>
public interface IDocumentStore
{
    /// <summary>Stores at most <paramref name="maxBytes"/> bytes; returns the key and the hex SHA-256, or null when the content was larger.</summary>
    Task<StoredFile?> SaveAsync(AssetId assetId, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        SaveAsync(assetId.ToString(), fileName, content, maxBytes, cancellationToken);

    /// <summary>Same, in a named folder of the store (e.g. "kyc/{user}").</summary>
    Task<StoredFile?> SaveAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken);

    Task<Stream> OpenAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="SaveAsync(string, string, Stream, long, CancellationToken)"/> for personal data (ID documents): the
    /// bytes are encrypted at rest; the SHA-256 is of the original bytes.
    /// </summary>
    Task<StoredFile?> SaveProtectedAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Decrypts a file stored with <see cref="SaveProtectedAsync"/>.</summary>
    Task<Stream> OpenProtectedAsync(string storageKey, CancellationToken cancellationToken);

    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}

public sealed record StoredFile(string StorageKey, string Sha256, long SizeBytes);
