namespace TokenPlatform.Domain.Assets;

/// <summary>Loads and stores <see cref="Asset"/> aggregates. Changes are committed by <see cref="Common.IUnitOfWork"/>.</summary>
public interface IAssetRepository
{
    void Add(Asset asset);

    Task<Asset?> FindAsync(AssetId id, CancellationToken cancellationToken);

    /// <summary>Read model: the issuer's assets, newest first.</summary>
    Task<IReadOnlyList<AssetSummary>> ListByIssuerAsync(string issuerId, CancellationToken cancellationToken);

    /// <summary>Read model: assets in a status, most recently changed first.</summary>
    Task<IReadOnlyList<AssetSummary>> ListByStatusAsync(AssetStatus status, int take, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<AssetStatus, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>True when another asset already uses this (normalized) ISRC.</summary>
    Task<bool> IsIsrcTakenAsync(string isrc, AssetId except, CancellationToken cancellationToken);

    /// <summary>Assets waiting for a fact from the chain (<see cref="Asset.AwaitsChain"/>): approved ones first.</summary>
    Task<IReadOnlyList<Asset>> ListAwaitingChainAsync(int take, CancellationToken cancellationToken);
}

public sealed record AssetSummary(AssetId Id, string Name, AssetKind Kind, AssetStatus Status, DateTimeOffset UpdatedAt);
