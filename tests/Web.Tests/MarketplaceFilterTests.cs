using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Tests.Shared;
using TokenPlatform.Web.Components.Pages.Investor;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Tests;

/// <summary>The marketplace filters through the real Mediator pipeline over one live asset (50.00 per fraction).</summary>
public sealed class MarketplaceFilterTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public MarketplaceFilterTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddSingleton<IInvestorStore>(new LiveAssets(TestAssets.LiveArt("issuer-1", 7)));
        _ctx.Services.AddSingleton<IHoldingsReader>(new NothingSold());
        _ctx.Services.AddUseCases();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Theory]
    [InlineData("market-min-price", "99999999999999999999999999", 0)]
    [InlineData("market-min-price", "9223372036855", 0)]
    [InlineData("market-max-price", "99999999999999999999999999", 1)]
    [InlineData("market-min-yield", "99999999999999999999999999", 0)]
    public void APriceOrYieldBoundBeyondEveryAmount_MatchesAsIfItWereTheLargest_InsteadOfCrashing(string field, string typed, int expected)
    {
        var cut = _ctx.Render<Marketplace>();
        cut.WaitForAssertion(() => Assert.Contains("1 asset(s)", cut.Markup, StringComparison.Ordinal));

        cut.Find($"input[data-testid={field}]").Change(typed);

        cut.WaitForAssertion(() =>
            Assert.Contains(expected == 0 ? "No asset matches these filters" : "1 asset(s)", cut.Markup, StringComparison.Ordinal));
    }

    private sealed class LiveAssets(Asset asset) : IInvestorStore
    {
        public Task<IReadOnlyList<Asset>> ListLiveAssetsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Asset>>([asset]);

        public Task<KycApplication?> FindKycAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<KycApplication?> FindKycByIdAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void AddKyc(KycApplication application) => throw new NotSupportedException();

        public Task<IReadOnlyList<KycQueueItem>> ListKycAsync(KycStatus? status, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void AddPurchase(Purchase purchase) => throw new NotSupportedException();

        public Task<Purchase?> FindPurchaseAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Purchase>> ListPurchasesAsync(string investorId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Purchase>> ListUnsettledPurchasesAsync(int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Asset>> FindAssetsAsync(IReadOnlyCollection<AssetId> ids, IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class NothingSold : IHoldingsReader
    {
        public Task<IReadOnlyDictionary<long, long>> ByAddressAsync(string address, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<long, long>> InEscrowAsync(IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<long, long>>(tokenIds.ToDictionary(id => id, _ => 1_000L));
    }
}
