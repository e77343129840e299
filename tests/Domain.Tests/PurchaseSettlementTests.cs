using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Domain.Tests;

/// <summary>
/// The purchase settlement's decisions, one pass at a time, against scripted operation states (the chain
/// tests in Infrastructure.Tests run the same use cases on anvil). Each pass's "now" is a minute later.
/// </summary>
public class PurchaseSettlementTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Operations _operations = new();
    private readonly Revenue _revenue = new();
    private readonly InMemoryAssets _unitOfWork = new();
    private readonly Purchase _purchase;
    private DateTimeOffset _now = Start;

    public PurchaseSettlementTests()
    {
        var breakdown = PurchaseRules.Breakdown(TestTerms(), BasisPoints.Create(250).Value, 10).Value;
        _purchase = Purchase.Accept(Guid.NewGuid(), "investor-1", AssetId.New(), "0x" + new string('1', 40), breakdown, Guid.NewGuid(), Guid.NewGuid(), Start);
    }

    private static AssetTerms TestTerms() =>
        AssetTerms.Create(1_000, Money.FromMinorUnits(50_000_000).Value, 1, BasisPoints.Create(2_000).Value, BasisPoints.Create(0).Value).Value;

    private async Task<int> PassAsync(ChainOperationStatus status, string? error = null, DateTimeOffset? operationUpdatedAt = null, ChainFailure? failure = null)
    {
        _now = _now.AddMinutes(1);
        _operations.Current = new ChainOperationView(_purchase.OperationId, BuyFractionsOnChain.KindName, OperationKeys.Purchase(_purchase.Id), status,
            status is ChainOperationStatus.Confirmed ? "0x" + new string('a', 64) : null, 7, status is ChainOperationStatus.Confirmed ? 42 : null, null, error,
            Start, operationUpdatedAt ?? _now.AddSeconds(-30), Failure: failure ?? (status == ChainOperationStatus.Failed ? ChainFailure.Other : null));
        var store = new Store(_purchase);
        return await new SyncPurchasesWithChainHandler(store, _operations, _revenue, _unitOfWork, new FixedClock(() => _now))
            .Handle(new SyncPurchasesWithChain(), CancellationToken.None);
    }

    [Fact]
    public async Task RetryThatConfirmedBeforeAnyPassSawItInProgress_CompletesThePurchase_AndRecordsItsCommissionOnce()
    {
        await PassAsync(ChainOperationStatus.Failed, "rejected before sending: NotVerified(account=0x11)", failure: ChainFailure.NotVerified);

        await PassAsync(ChainOperationStatus.Confirmed);
        await PassAsync(ChainOperationStatus.Confirmed);

        Assert.Equal(PurchaseStatus.Confirmed, _purchase.Status);
        Assert.Null(_purchase.FailureReason);
        Assert.Equal(42, _purchase.BlockNumber);
        var entry = Assert.Single(_revenue.Entries);
        Assert.Equal((PlatformRevenueEntry.PrimaryCommissionKind, 12_500_000L), (entry.Kind, entry.Amount.MinorUnits));
    }

    [Fact]
    public async Task RetryThatFailedAnewBeforeAnyPassSawItInProgress_IsFailedWithTheNewReason()
    {
        await PassAsync(ChainOperationStatus.Failed, "rejected before sending: NotVerified(account=0x11)", failure: ChainFailure.NotVerified);

        await PassAsync(ChainOperationStatus.Failed, "rejected before sending: SoldOut(assetId=1)", operationUpdatedAt: _now.AddSeconds(30), failure: ChainFailure.SoldOut);

        Assert.Equal(PurchaseStatus.Failed, _purchase.Status);
        Assert.StartsWith("Sold out", _purchase.FailureReason, StringComparison.Ordinal);
        Assert.Empty(_revenue.Entries);
    }

    [Fact]
    public async Task FailedPurchase_WhoseOperationWasNotRetried_StaysAsItIs()
    {
        await PassAsync(ChainOperationStatus.Failed, "rejected before sending: NotVerified(account=0x11)", failure: ChainFailure.NotVerified);
        var settledAt = _purchase.UpdatedAt;

        var changed = await PassAsync(ChainOperationStatus.Failed, "rejected before sending: NotVerified(account=0x11)", operationUpdatedAt: Start, failure: ChainFailure.NotVerified);

        Assert.Equal(0, changed);
        Assert.Equal(settledAt, _purchase.UpdatedAt);
        Assert.Equal(PurchaseStatus.Failed, _purchase.Status);
    }

    [Fact]
    public void Reopen_OnlyReopensAFailedPurchase()
    {
        Assert.False(_purchase.Reopen(Start));
        _purchase.Fail("Sold out.", null, Start);
        Assert.True(_purchase.Reopen(Start));
        Assert.Equal(PurchaseStatus.Submitted, _purchase.Status);
        Assert.Null(_purchase.FailureReason);
        _purchase.Confirm("0x" + new string('b', 64), 9, Start);
        Assert.False(_purchase.Reopen(Start));
        Assert.Equal(PurchaseStatus.Confirmed, _purchase.Status);
    }

    /// <summary>Lists the purchase on every pass (the database's own filter runs in the chain tests): the handler must still leave a settled one alone.</summary>
    private sealed class Store(Purchase purchase) : IInvestorStore
    {
        public Task<IReadOnlyList<Purchase>> ListUnsettledPurchasesAsync(int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Purchase>>([purchase]);

        public Task<KycApplication?> FindKycAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<KycApplication?> FindKycByIdAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void AddKyc(KycApplication application) => throw new NotSupportedException();

        public Task<IReadOnlyList<KycQueueItem>> ListKycAsync(KycStatus? status, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void AddPurchase(Purchase purchase) => throw new NotSupportedException();

        public Task<Purchase?> FindPurchaseAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Purchase>> ListPurchasesAsync(string investorId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Asset>> FindAssetsAsync(IReadOnlyCollection<AssetId> ids, IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Asset>> ListLiveAssetsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Operations : IChainOutbox
    {
        public ChainOperationView? Current { get; set; }

        public Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Current?.Id == id ? Current : null);

        public Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class Revenue : IPlatformRevenue
    {
        public List<PlatformRevenueEntry> Entries { get; } = [];

        public void Record(PlatformRevenueEntry entry) => Entries.Add(entry);

        public Task<IReadOnlyList<PlatformRevenueEntry>> EntriesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PlatformRevenueEntry>>(Entries);
    }

    private sealed class FixedClock(Func<DateTimeOffset> now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
