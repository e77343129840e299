namespace TokenPlatform.Domain.Assets;

/// <summary>Reads what the chain anchored for an asset.</summary>
public interface IAssetChainReader
{
    /// <summary>The SHA-256 hashes (lower-case hex) anchored for the on-chain asset, in anchoring order.</summary>
    Task<IReadOnlyList<string>> AnchoredHashesAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>Fractions still held by the primary-sale escrow.</summary>
    Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken);
}
