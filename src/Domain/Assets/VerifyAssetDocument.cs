using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>Recomputes a stored document's SHA-256 and compares it with the database and the on-chain anchor.</summary>
public sealed record VerifyAssetDocument(AssetId AssetId, Guid DocumentId) : IQuery<Result<DocumentVerification>>;

public sealed record DocumentVerification(string StoredSha256, string RecomputedSha256, bool MatchesRecord, bool AnchoredOnChain)
{
    public bool Verified => MatchesRecord && AnchoredOnChain;
}

public sealed class VerifyAssetDocumentHandler(IAssetRepository assets, IDocumentStore store, IAssetChainReader chain) : IQueryHandler<VerifyAssetDocument, Result<DocumentVerification>>
{
    public async ValueTask<Result<DocumentVerification>> Handle(VerifyAssetDocument query, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(query.AssetId, cancellationToken);
        var document = asset?.Documents.FirstOrDefault(d => d.Id == query.DocumentId);
        if (asset is null || document is null)
        {
            return Error.NotFound("document.missing", "No such document.");
        }

        string recomputed;
        await using (var content = await store.OpenAsync(document.StorageKey, cancellationToken))
        {
            recomputed = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(content, cancellationToken));
        }

        var anchored = asset.OnChainTokenId is { } tokenId && (await chain.AnchoredHashesAsync(tokenId, cancellationToken)).Contains(recomputed);
        return new DocumentVerification(document.Sha256, recomputed, recomputed == document.Sha256, anchored);
    }
}
