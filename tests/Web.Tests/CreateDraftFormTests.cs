using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Web.Components.Pages.Issuer;
using TokenPlatform.Web.Setup;

using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Web.Tests;

/// <summary>The draft form through the real Mediator pipeline (validation behavior included), with an in-memory store.</summary>
public sealed class CreateDraftFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly InMemoryAssets _store = new();

    public CreateDraftFormTests()
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

    [Fact]
    public async Task Submit_Empty_ShowsAMessageOnEachBadFieldAndStoresNothing()
    {
        var created = 0;
        var cut = _ctx.Render<CreateDraftForm>(p => p.Add(f => f.IssuerId, "issuer-1").Add(f => f.OnCreated, _ => created++));

        await cut.Find("[data-testid=draft-submit]").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Choose real estate, art or music royalty.", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("The name is required.", cut.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(_store.Assets);
        Assert.Equal(0, created);
    }

    [Fact]
    public async Task Submit_Valid_StoresADraftForTheGivenIssuerAndRaisesOnCreated()
    {
        AssetId? createdId = null;
        var cut = _ctx.Render<CreateDraftForm>(p => p.Add(f => f.IssuerId, "issuer-9").Add(f => f.OnCreated, id => createdId = id));
        var select = cut.FindComponent<MudSelect<AssetKind?>>();
        await cut.InvokeAsync(() => select.Instance.SelectOption(AssetKind.Art));
        cut.FindComponent<MudTextField<string>>().Find("input").Change("Blue Horse, 1911");

        await cut.Find("[data-testid=draft-submit]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(createdId));
        var stored = Assert.Single(_store.Assets);
        Assert.Equal(createdId, stored.Id);
        Assert.Equal(("issuer-9", AssetKind.Art, "Blue Horse, 1911"), (stored.IssuerId, stored.Kind, stored.Name));
        Assert.DoesNotContain("is required", cut.Markup, StringComparison.Ordinal);
    }
}
