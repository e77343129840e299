using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Tests.Shared;
using TokenPlatform.Web.Components.Pages.Issuer.Wizard;
using TokenPlatform.Web.Setup;

namespace TokenPlatform.Web.Tests;

/// <summary>Wizard steps through the real Mediator pipeline with an in-memory asset store.</summary>
public sealed class WizardStepTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly InMemoryAssets _store = new();

    public WizardStepTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddSingleton<IAssetRepository>(_store);
        _ctx.Services.AddSingleton<IUnitOfWork>(_store);
        _ctx.Services.AddUseCases();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private Asset Draft(AssetKind kind)
    {
        var asset = Asset.CreateDraft("issuer-1", kind, "Night Drive (master)", DateTimeOffset.UtcNow).Value;
        _store.Add(asset);
        return asset;
    }

    [Fact]
    public async Task DetailsStep_BadIsrc_ShowsTheFormatMessage_AndSavesNothing()
    {
        var asset = Draft(AssetKind.MusicRoyalty);
        var saved = 0;
        var cut = _ctx.Render<WizardDetailsStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1").Add(s => s.OnSaved, () => saved++));
        cut.Find("input[data-testid=music-artist]").Change("Nova");
        cut.Find("input[data-testid=music-track]").Change("Night Drive");
        cut.Find("input[data-testid=music-isrc]").Change("US-RC1-76");

        await cut.Find("[data-testid=details-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Enter an ISRC such as US-RC1-76-07839", cut.Markup, StringComparison.Ordinal));
        Assert.Null(asset.Details);
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task DetailsStep_ValidMusic_SavesNormalizedIsrc_AndRaisesOnSaved()
    {
        var asset = Draft(AssetKind.MusicRoyalty);
        var saved = 0;
        var cut = _ctx.Render<WizardDetailsStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1").Add(s => s.OnSaved, () => saved++));
        cut.Find("input[data-testid=music-artist]").Change("Nova");
        cut.Find("input[data-testid=music-track]").Change("Night Drive");
        cut.Find("input[data-testid=music-isrc]").Change("us-rc1-76-07839");
        cut.Find("input[data-testid=music-royalties]").Change("48,000.50");

        await cut.Find("[data-testid=details-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(1, saved));
        var details = Assert.IsType<MusicRoyaltyDetails>(asset.Details);
        Assert.Equal(("USRC17607839", 48_000_500_000L), (details.Isrc, details.ExpectedAnnualRoyalties.MinorUnits));
    }

    [Fact]
    public async Task SplitStep_LiveTotal_AndRefusalWhenNot100Percent()
    {
        var asset = Draft(AssetKind.MusicRoyalty);
        var cut = _ctx.Render<WizardSplitStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1"));
        await cut.Find("[data-testid=payee-add]").ClickAsync(new());
        cut.Find("input[data-testid=payee-label]").Change("Nova");
        cut.Find("input[data-testid=payee-address]").Change("0x" + new string('a', 40));
        cut.Find("input[data-testid=payee-percent]").Input("30");
        cut.Find("input[data-testid=holders-percent]").Input("60");

        cut.WaitForAssertion(() => Assert.Contains("Total: 90.00%", cut.Find("[data-testid=split-total]").TextContent, StringComparison.Ordinal));
        await cut.Find("[data-testid=split-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("must add up to exactly 100.00%", cut.Find("[data-testid=split-error]").TextContent, StringComparison.Ordinal));
        Assert.Null(asset.Split);

        cut.Find("input[data-testid=holders-percent]").Input("70");
        await cut.Find("[data-testid=split-save]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.NotNull(asset.Split));
        Assert.Equal((3_000, 7_000), (asset.Split!.Payees[0].Bps, asset.Split.HoldersBps));
    }

    [Theory]
    [InlineData("99999999999999999999999999")]
    [InlineData("-99999999999999999999999999")]
    public async Task SplitStep_AShareBeyondEveryLimit_IsAFieldError_NotACrash(string percent)
    {
        var asset = Draft(AssetKind.MusicRoyalty);
        var cut = _ctx.Render<WizardSplitStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1"));
        await cut.Find("[data-testid=payee-add]").ClickAsync(new());
        cut.Find("input[data-testid=payee-label]").Change("Nova");
        cut.Find("input[data-testid=payee-address]").Change("0x" + new string('a', 40));
        cut.Find("input[data-testid=payee-percent]").Input(percent);
        cut.Find("input[data-testid=holders-percent]").Input("0");

        await cut.Find("[data-testid=split-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("A payee's share must be above 0% and at most 100%.", cut.Markup, StringComparison.Ordinal));
        Assert.Null(asset.Split);
    }

    [Fact]
    public async Task TermsStep_APriceBeyondTheLargestAmount_IsAFieldError_NotACrash()
    {
        var asset = Draft(AssetKind.Art);
        var saved = 0;
        var cut = _ctx.Render<WizardTermsStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1").Add(s => s.OnSaved, () => saved++));
        cut.Find("input[data-testid=terms-price]").Change("100000000000000000000000");

        await cut.Find("[data-testid=terms-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("The amount is too large", cut.Markup, StringComparison.Ordinal));
        Assert.Null(asset.Terms);
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task TermsStep_AMaximumHoldingBeyondEveryLimit_IsRefused_NotACrash()
    {
        var asset = Draft(AssetKind.Art);
        var cut = _ctx.Render<WizardTermsStep>(p => p.Add(s => s.Asset, asset).Add(s => s.IssuerId, "issuer-1"));
        cut.Find("input[data-testid=terms-maxholding]").Change("99999999999999999999999999");

        await cut.Find("[data-testid=terms-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=terms-save]").HasAttribute("disabled")));
        Assert.True(asset.Terms is null || asset.Terms.MaxHolding.Value <= 10_000);
    }
}
