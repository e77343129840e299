using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>Who may record an asset's revenue: its issuer, or a creator who is one of its payees.</summary>
public sealed class RevenueAccess(IAssetRepository assets, IWalletService wallets)
{
    public async Task<Result<Asset>> LoadAsync(AssetId assetId, string userId, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(assetId, cancellationToken);
        if (asset is null)
        {
            return Error.NotFound("asset.missing", "No such asset among yours.");
        }

        if (asset.IssuerId == userId)
        {
            return OnChain(asset);
        }

        var wallet = await wallets.FindAsync(userId, cancellationToken);
        var addresses = new[] { wallet?.Address, wallet?.PayoutAddress }.Where(a => a is not null).ToList();
        return asset.Split?.Payees.Any(p => addresses.Contains(p.Address, EthAddress.Comparer)) == true
            ? OnChain(asset)
            : Error.NotFound("asset.missing", "No such asset among yours.");
    }

    /// <summary>The asset, live, whoever asks (automatic runs and the deposit indexer act for the platform).</summary>
    public async Task<Result<Asset>> LoadLiveAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await assets.FindAsync(assetId, cancellationToken) is { } asset ? OnChain(asset) : Error.NotFound("asset.missing", "No such asset.");

    private static Result<Asset> OnChain(Asset asset) =>
        asset.Status == AssetStatus.Live
            ? asset
            : Error.Conflict("asset.not_live", "Revenue is recorded for live assets only.");
}
