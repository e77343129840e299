using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// Files under the data folder (files/{folder}/{id}-{name}); hashes exactly the bytes received. Personal
/// documents are encrypted with the app's Data Protection keys before they touch the disk.
/// </summary>
internal sealed class LocalDocumentStore(DatabaseOptions options, IDataProtectionProvider protection) : IDocumentStore
{
    private const string ProtectionPurpose = "TokenPlatform.PersonalDocument.v1";
    private readonly IDataProtector _protector = protection.CreateProtector(ProtectionPurpose);

    private readonly string _root = Path.Combine(Path.GetFullPath(options.DataDirectory), "files");

    public async Task<StoredFile?> SaveAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var safeName = string.Concat(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var key = Path.Combine(folder, $"{Guid.NewGuid():N}-{safeName}");
        var path = Resolve(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        long total = 0;
        await using (var file = File.Create(path))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (total > maxBytes)
        {
            File.Delete(path);
            return null;
        }

        return new StoredFile(key, Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    public async Task<StoredFile?> SaveProtectedAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        // ID documents are at most a few MB: read into memory (bounded), hash the plaintext, write the ciphertext.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var plain = buffer.ToArray();
        var key = Path.Combine(folder, $"{Guid.NewGuid():N}.protected");
        var path = Resolve(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, _protector.Protect(plain), cancellationToken);
        return new StoredFile(key, Convert.ToHexStringLower(SHA256.HashData(plain)), plain.Length);
    }

    public async Task<Stream> OpenProtectedAsync(string storageKey, CancellationToken cancellationToken) =>
        new MemoryStream(_protector.Unprotect(await File.ReadAllBytesAsync(Resolve(storageKey), cancellationToken)), writable: false);

    public Task<Stream> OpenAsync(string storageKey, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(File.OpenRead(Resolve(storageKey)));

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        File.Delete(Resolve(storageKey));
        return Task.CompletedTask;
    }

    /// <summary>Keys are always below the root: a key cannot walk out of the store.</summary>
    private string Resolve(string storageKey)
    {
        var full = Path.GetFullPath(Path.Combine(_root, storageKey));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException("A storage key points outside the document store.");
    }
}
