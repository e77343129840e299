using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Tests.Shared;

/// <summary>In-memory asset store for pure unit and component tests (real databases are tested elsewhere).</summary>
public sealed class InMemoryAssets : IAssetRepository, IUnitOfWork
{
    public List<Asset> Assets { get; } = [];

    public int Commits { get; private set; }

    public void Add(Asset asset) => Assets.Add(asset);

    public Task<Asset?> FindAsync(AssetId id, CancellationToken cancellationToken) => Task.FromResult(Assets.FirstOrDefault(a => a.Id == id));

    public Task<IReadOnlyList<AssetSummary>> ListByIssuerAsync(string issuerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AssetSummary>>(Assets.Where(a => a.IssuerId == issuerId).Select(Summary).ToList());

    public Task<IReadOnlyList<AssetSummary>> ListByStatusAsync(AssetStatus status, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AssetSummary>>(Assets.Where(a => a.Status == status).Take(take).Select(Summary).ToList());

    public Task<IReadOnlyDictionary<AssetStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<AssetStatus, int>>(Assets.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()));

    public Task<bool> IsIsrcTakenAsync(string isrc, AssetId except, CancellationToken cancellationToken) =>
        Task.FromResult(Assets.Any(a => a.Isrc == isrc && a.Id != except));

    public Task<IReadOnlyList<Asset>> ListAwaitingChainAsync(int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Asset>>(Assets.Where(a => a.AwaitsChain && (a.Status != AssetStatus.Approved || a.CreationOperationId is not null)).Take(take).ToList());

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        Commits++;
        return Task.CompletedTask;
    }

    public void DiscardChanges()
    {
    }

    public Task<IExclusiveSection> BeginExclusiveAsync(string lockName, CancellationToken cancellationToken) => Task.FromResult<IExclusiveSection>(new NoSection());

    private sealed class NoSection : IExclusiveSection
    {
        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static AssetSummary Summary(Asset a) => new(a.Id, a.Name, a.Kind, a.Status, a.UpdatedAt);
}
