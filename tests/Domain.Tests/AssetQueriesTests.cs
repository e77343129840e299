using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Domain.Tests;

public class AssetQueriesTests
{

    private sealed class Monitor : IChainMonitor
    {
        public Task<IReadOnlyList<ChainOperationView>> ListOperationsAsync(ChainOperationStatus? status, int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ChainOperationView>>([]);

        public Task<IReadOnlyList<ChainOperationView>> ListByKeyPrefixAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ChainOperationView>>([]);

        public Task<bool> RetryAsync(Guid operationId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<int> CancelFailedAsync(IReadOnlyCollection<Guid> operationIds, string reason, CancellationToken cancellationToken) => Task.FromResult(0);

        public ReconciliationView? LatestReconciliation() => null;
    }

    private sealed class Chain(long available) : IAssetChainReader
    {
        public Task<IReadOnlyList<string>> AnchoredHashesAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult(available);
    }

    private static (InMemoryAssets Store, Asset Draft, Asset Live) Seed()
    {
        var store = new InMemoryAssets();
        var draft = AssetTests.ReadyDraft();
        var live = AssetTests.ReadyDraft();
        live.SubmitForReview(DateTimeOffset.UtcNow);
        live.Approve(Money.Zero, Guid.NewGuid(), DateTimeOffset.UtcNow);
        live.MarkLive(3, DateTimeOffset.UtcNow);
        store.Add(draft);
        store.Add(live);
        return (store, draft, live);
    }

    [Theory]
    [InlineData("issuer-1", false, true)]
    [InlineData("someone-else", false, false)]
    [InlineData("admin-1", true, true)]
    public async Task AssetPage_ADraftIsVisibleToItsIssuerAndAdminsOnly(string viewer, bool admin, bool visible)
    {
        var (store, draft, _) = Seed();
        var handler = new GetAssetPageHandler(store, new FixedFees(), new Monitor(), new Chain(0), TimeProvider.System);

        var result = await handler.Handle(new GetAssetPage(draft.Id, viewer, admin), CancellationToken.None);

        Assert.Equal(visible, result.IsSuccess);
        if (!visible)
        {
            Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        }
    }

    [Fact]
    public async Task AssetPage_ALiveAssetIsPublic_WithItsOfferingProgress()
    {
        var (store, _, live) = Seed();
        var handler = new GetAssetPageHandler(store, new FixedFees(), new Monitor(), new Chain(400), TimeProvider.System);

        var result = await handler.Handle(new GetAssetPage(live.Id, "any-investor", false), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(400, result.Value.AvailableFractions);
        Assert.False(result.Value.ViewerIsIssuer);
    }

    [Fact]
    public async Task IssuerOverview_RaiseProgress_IsSoldTimesPrice()
    {
        var (store, _, live) = Seed();
        var handler = new GetIssuerOverviewHandler(store, new Chain(available: 750));

        var overview = await handler.Handle(new GetIssuerOverview("issuer-1"), CancellationToken.None);

        var raise = Assert.Single(overview.Raises);
        Assert.Equal(live.Id, raise.AssetId);
        Assert.Equal((250L, 1_000L), (raise.Sold, raise.Supply));
        Assert.Equal(250 * 50_000_000L, raise.RaisedMinorUnits);
        Assert.Equal(2, overview.Assets.Count);
    }
}
