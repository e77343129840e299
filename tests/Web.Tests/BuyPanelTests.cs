using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Tests.Shared;
using TokenPlatform.Web.Components.Pages.Investor;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Tests;

/// <summary>The buy panel through the real Mediator pipeline, with in-memory stores and a scripted chain.</summary>
public sealed class BuyPanelTests : IAsyncLifetime
{
    private const string UserId = "investor-1";
    private readonly BunitContext _ctx = new();
    private readonly InMemoryAssets _assets = new();
    private readonly Investors _investors = new();
    private readonly Chain _chain = new();
    private readonly FixedFees _fees = new();
    private readonly Asset _asset;

    public BuyPanelTests()
    {
        // 1,000 fractions at 50.00, minimum 2, maximum holding 20% = 200.
        _asset = TestAssets.LiveArt("issuer-1", 3);
        _assets.Add(_asset);

        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddSingleton<IAssetRepository>(_assets);
        _ctx.Services.AddSingleton<IUnitOfWork>(_assets);
        _ctx.Services.AddSingleton<IInvestorStore>(_investors);
        _ctx.Services.AddSingleton<IInvestorChainReader>(_chain);
        _ctx.Services.AddSingleton<IChainMonitor>(_chain);
        _ctx.Services.AddSingleton<IChainOutbox>(_chain);
        _ctx.Services.AddSingleton<IWalletService>(new Wallets());
        _ctx.Services.AddSingleton<IFeeScheduleRepository>(_fees);
        _ctx.Services.AddUseCases();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<BuyPanel> Render() =>
        _ctx.Render<BuyPanel>(p => p.Add(s => s.AssetId, _asset.Id).Add(s => s.UserId, UserId).Add(s => s.MinimumPurchase, 2));

    /// <summary>Types the quantity and leaves the field, as a user does (the field commits on blur).</summary>
    private static void SetQuantity(IRenderedComponent<BuyPanel> cut, long quantity)
    {
        cut.Find("input[data-testid=buy-quantity]").Input(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("input[data-testid=buy-quantity]").Blur();
    }

    [Fact]
    public void AQuantityBeyondALong_IsRefused_NotACrash()
    {
        var cut = Render();
        cut.WaitForAssertion(() => cut.Find("[data-testid=buy-breakdown]"));

        cut.Find("input[data-testid=buy-quantity]").Input("99999999999999999999999");
        cut.Find("input[data-testid=buy-quantity]").Blur();

        cut.WaitForAssertion(() => Assert.DoesNotContain("99,999,999", cut.Find("[data-testid=buy-confirm]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_investors.Purchases);
    }

    [Fact]
    public void ExactlyTheMaximumHolding_ShowsTheFullBreakdown_AndCanBeConfirmed()
    {
        var cut = Render();
        SetQuantity(cut, 200);

        cut.WaitForAssertion(() => Assert.Equal("10,000.00 USD", cut.Find("[data-testid=quote-total]").TextContent.Trim()));
        Assert.Equal("10,000.00 USD", cut.Find("[data-testid=quote-subtotal]").TextContent.Trim());
        Assert.Equal("250.00 USD", cut.Find("[data-testid=quote-commission]").TextContent.Trim());
        Assert.Equal("9,750.00 USD", cut.Find("[data-testid=quote-issuer]").TextContent.Trim());
        Assert.Contains("Between 2 and 200 (limited by the holding limit)", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=buy-refusal]"));
        Assert.False(cut.Find("[data-testid=buy-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public void OneOverTheMaximumHolding_IsExplained_AndCannotBeConfirmed()
    {
        var cut = Render();
        SetQuantity(cut, 201);

        cut.WaitForAssertion(() => Assert.Contains("One investor may hold at most 200 fractions (20.00% of the supply)", cut.Find("[data-testid=buy-refusal]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=buy-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public void NotEnoughMoney_PointsToTheWallet()
    {
        _chain.Balance = 99 * Money.UnitsPerWhole;
        var cut = Render();
        SetQuantity(cut, 2);

        cut.WaitForAssertion(() => Assert.Contains("Insufficient funds: this costs 100.00 and your available balance is 99.00", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Open the wallet", cut.Find("[data-testid=buy-refusal]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_RecordsThePurchaseWithTheAcceptedCommission_AndQueuesItAfterTheAllowance()
    {
        var cut = Render();
        SetQuantity(cut, 10);
        cut.WaitForAssertion(() => Assert.Equal("500.00 USD", cut.Find("[data-testid=quote-total]").TextContent.Trim()));

        await cut.Find("[data-testid=buy-confirm]").ClickAsync(new());

        var purchase = Assert.Single(_investors.Purchases);
        Assert.Equal(10, purchase.Quantity);
        Assert.Equal(250, purchase.CommissionBps.Value);
        Assert.Equal(12_500_000, purchase.Commission.MinorUnits);
        var (command, after) = Assert.Single(_chain.Enqueued);
        Assert.Equal(new BuyFractionsOnChain(purchase.Id, UserId, 3, Wallets.Address, 10, 250), command);
        Assert.Equal(_investors.Kyc.SpendingOperationId, after);
    }

    [Fact]
    public async Task AFeeChange_NeverAltersAnAcceptedPurchase_AndTheNextQuoteShowsTheNewFee()
    {
        var cut = Render();
        SetQuantity(cut, 10);
        cut.WaitForAssertion(() => Assert.Equal("12.50 USD", cut.Find("[data-testid=quote-commission]").TextContent.Trim()));
        var accepted = _fees.Current.Id;
        await cut.Find("[data-testid=buy-confirm]").ClickAsync(new());

        // The admin raises the primary commission to 4%.
        _fees.Current = FeeSchedule.Publish(DateTimeOffset.UtcNow, Money.FromMinorUnits(500_000_000).Value, 400, 30, 1_000, 100, 100, "admin", DateTimeOffset.UtcNow).Value;

        var purchase = Assert.Single(_investors.Purchases);
        Assert.Equal((250, 12_500_000L), (purchase.CommissionBps.Value, purchase.Commission.MinorUnits));
        Assert.Equal(250, ((BuyFractionsOnChain)_chain.Enqueued.Single().Command).CommissionBps);
        var next = Render();
        SetQuantity(next, 10);
        next.WaitForAssertion(() => Assert.Equal("20.00 USD", next.Find("[data-testid=quote-commission]").TextContent.Trim()));
        Assert.Contains("4.00%", next.Find("[data-testid=buy-breakdown]").TextContent, StringComparison.Ordinal);
        using var scope = _ctx.Services.CreateScope();
        var stale = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new PlacePurchase(UserId, _asset.Id, 10, accepted));
        Assert.Equal("fees.changed", stale.Error!.Code);
        Assert.Single(_investors.Purchases);
    }

    [Fact]
    public async Task AnAssetOverride_SetsTheQuotedCommission_AndAQuoteAcceptedBeforeItIsRefused()
    {
        var cut = Render();
        SetQuantity(cut, 10);
        cut.WaitForAssertion(() => Assert.Equal("12.50 USD", cut.Find("[data-testid=quote-commission]").TextContent.Trim()));

        _fees.Override = new AssetFeeOverride(_asset.Id, 100, null, null, "admin", DateTimeOffset.UtcNow);

        using var scope = _ctx.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        var quote = await sender.Send(new QuotePurchase(UserId, _asset.Id, 10));
        Assert.Equal(5_000_000, quote.Value.Quote.Breakdown!.Commission.MinorUnits); // 1% of 500.00
        var stale = await sender.Send(new PlacePurchase(UserId, _asset.Id, 10, quote.Value.FeeScheduleId, 250));
        Assert.Equal("fees.changed", stale.Error!.Code);
        Assert.Empty(_investors.Purchases);
    }

    private sealed class Investors : IInvestorStore
    {
        public KycApplication Kyc { get; } = Approved();

        public List<Purchase> Purchases { get; } = [];

        private static KycApplication Approved()
        {
            var kyc = KycApplication.Submit(UserId, "Ivy Investor", Countries.Find("PT")!, new DateOnly(1990, 1, 1), new KycDocument("id.pdf", "application/pdf", "k", new string('b', 64)), DateTimeOffset.UtcNow);
            kyc.Approve("admin", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            return kyc;
        }

        public Task<KycApplication?> FindKycAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<KycApplication?>(userId == UserId ? Kyc : null);

        public Task<KycApplication?> FindKycByIdAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<KycApplication?>(Kyc.Id == id ? Kyc : null);

        public void AddKyc(KycApplication application) => throw new NotSupportedException();

        public Task<IReadOnlyList<KycQueueItem>> ListKycAsync(KycStatus? status, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void AddPurchase(Purchase purchase) => Purchases.Add(purchase);

        public Task<Purchase?> FindPurchaseAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Purchases.FirstOrDefault(p => p.Id == id));

        public Task<IReadOnlyList<Purchase>> ListPurchasesAsync(string investorId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Purchase>>(Purchases.Where(p => p.InvestorId == investorId).ToList());

        public Task<IReadOnlyList<Purchase>> ListUnsettledPurchasesAsync(int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Asset>> FindAssetsAsync(IReadOnlyCollection<AssetId> ids, IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Asset>> ListLiveAssetsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Chain : IInvestorChainReader, IChainMonitor, IChainOutbox
    {
        public long Balance { get; set; } = 1_000_000 * Money.UnitsPerWhole;

        public List<(ChainCommand Command, Guid? After)> Enqueued { get; } = [];

        public Task<long> StablecoinBalanceAsync(string address, CancellationToken cancellationToken) => Task.FromResult(Balance);

        public Task<long> FractionsAsync(long onChainTokenId, string address, CancellationToken cancellationToken) => Task.FromResult(0L);

        public Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult(1_000L);

        public Task<IReadOnlyList<ChainOperationView>> ListByKeyPrefixAsync(string prefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ChainOperationView>>(
                [new ChainOperationView(Guid.NewGuid(), OpenOfferingOnChain.KindName, prefix, ChainOperationStatus.Confirmed, "0x1", 1, 1, 1, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)]);

        public Task<IReadOnlyList<ChainOperationView>> ListOperationsAsync(ChainOperationStatus? status, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RetryAsync(Guid operationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CancelFailedAsync(IReadOnlyCollection<Guid> operationIds, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ReconciliationView? LatestReconciliation() => null;

        public Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken) => EnqueueAfterAsync(command, idempotencyKey, Guid.Empty, cancellationToken);

        public Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken)
        {
            Enqueued.Add((command, after));
            return Task.FromResult(new EnqueuedOperation(Guid.NewGuid(), false));
        }

        public Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<ChainOperationView?>(null);
    }

    private sealed class Wallets : IWalletService
    {
        public const string Address = "0x00000000000000000000000000000000000000A1";

        public Task<WalletView?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<WalletView?>(new WalletView(userId, Address, null, DateTimeOffset.UtcNow));

        public Task<string> EnsureWalletAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, WalletView>> FindByAddressesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<WalletView>> RegisterPayoutAddressAsync(string userId, string address, string signature, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<WalletView>> SetPayoutPreferenceAsync(string userId, PayoutPreference preference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string PayoutChallenge(string userId, string address) => "";
    }
}
