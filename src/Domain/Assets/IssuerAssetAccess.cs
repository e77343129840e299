using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

internal static class IssuerAssetAccess
{
    /// <summary>Loads an asset for its issuer; another issuer gets "not found" (no existence leak).</summary>
    public static async Task<Result<Asset>> LoadOwnedAsync(this IAssetRepository assets, AssetId id, string issuerId, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(id, cancellationToken);
        return asset is null || asset.IssuerId != issuerId
            ? Error.NotFound("asset.missing", "No such asset among yours.")
            : asset;
    }
}
