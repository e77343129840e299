using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Domain.Tests;

/// <summary>The chain's confirmations become facts on the asset: token id (live), stream id, offering opened.</summary>
public sealed class SyncAssetsWithChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryAssets _assets = new();
    private readonly Operations _operations = new();

    private Asset Approved()
    {
        var asset = AssetTests.ReadyDraft();
        asset.SubmitForReview(Now);
        var creation = _operations.Add(OperationKeys.AssetCreate(asset.Id), ChainOperationStatus.Sent, null);
        asset.Approve(Money.Zero, creation, Now);
        _assets.Add(asset);
        return asset;
    }

    private Task<int> PassAsync() =>
        new SyncAssetsWithChainHandler(_assets, _operations, _operations, _assets, new Clock()).Handle(new SyncAssetsWithChain(), CancellationToken.None).AsTask();

    [Fact]
    public async Task Each_fact_is_recorded_when_its_operation_is_confirmed_and_not_before()
    {
        var asset = Approved();
        var split = _operations.Add(OperationKeys.AssetSplit(asset.Id), ChainOperationStatus.Sent, null);
        var offering = _operations.Add(OperationKeys.AssetOffering(asset.Id), ChainOperationStatus.Pending, null);

        Assert.Equal(0, await PassAsync());
        Assert.Equal((AssetStatus.Approved, (long?)null, (DateTimeOffset?)null), (asset.Status, asset.StreamId, asset.OfferingOpenedAt));

        _operations.Confirm(split, ChainResults.Write(new StreamCreatedResult(11)));
        Assert.Equal(1, await PassAsync());
        Assert.Equal((AssetStatus.Approved, 11L), (asset.Status, asset.StreamId!.Value));

        _operations.Confirm(asset.CreationOperationId!.Value, ChainResults.Write(new AssetCreatedResult(5)));
        _operations.Confirm(offering, null, Now.AddSeconds(-3));
        Assert.Equal(1, await PassAsync());
        Assert.Equal((AssetStatus.Live, 5L, Now.AddSeconds(-3)), (asset.Status, asset.OnChainTokenId!.Value, asset.OfferingOpenedAt!.Value));
        Assert.False(asset.AwaitsChain);

        Assert.Equal(0, await PassAsync());
        Assert.Equal(2, _assets.Commits);
    }

    [Fact]
    public async Task A_failed_step_records_nothing()
    {
        var asset = Approved();
        _operations.Add(OperationKeys.AssetSplit(asset.Id), ChainOperationStatus.Failed, ChainResults.Write(new StreamCreatedResult(11)));
        _operations.Confirm(asset.CreationOperationId!.Value, ChainResults.Write(new AssetCreatedResult(5)));

        await PassAsync();

        Assert.Equal(AssetStatus.Live, asset.Status);
        Assert.Null(asset.StreamId);
        Assert.True(asset.AwaitsChain);
    }

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Operations : IChainOutbox, IChainMonitor
    {
        private readonly List<ChainOperationView> _rows = [];

        public Guid Add(string key, ChainOperationStatus status, string? result)
        {
            var id = Guid.NewGuid();
            _rows.Add(new ChainOperationView(id, "kind", key, status, null, null, null, null, null, Now, Now, null, result));
            return id;
        }

        public void Confirm(Guid id, string? result, DateTimeOffset? at = null)
        {
            var i = _rows.FindIndex(r => r.Id == id);
            _rows[i] = _rows[i] with { Status = ChainOperationStatus.Confirmed, Result = result, UpdatedAt = at ?? Now };
        }

        public Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(_rows.FirstOrDefault(r => r.Id == id));

        public Task<IReadOnlyList<ChainOperationView>> ListByKeyPrefixAsync(string prefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ChainOperationView>>(_rows.Where(r => r.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal)).ToList());

        public Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChainOperationView>> ListOperationsAsync(ChainOperationStatus? status, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RetryAsync(Guid operationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CancelFailedAsync(IReadOnlyCollection<Guid> operationIds, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ReconciliationView? LatestReconciliation() => null;
    }
}
