using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using TokenPlatform.Web.Components.Shared;

namespace TokenPlatform.Web.Tests;

public sealed class EmptyStateTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public EmptyStateTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Renders_TitleTextAndCallToAction()
    {
        var cut = _ctx.Render<EmptyState>(p => p
            .Add(e => e.Title, "No assets yet")
            .Add(e => e.Text, "Start a draft.")
            .Add(e => e.TestId, "issuer-empty")
            .AddChildContent((RenderFragment)(b => b.AddMarkupContent(0, "<a href=\"/issuer/assets\">Start</a>"))));

        var root = cut.Find("[data-testid=issuer-empty]");
        Assert.Contains("No assets yet", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("Start a draft.", root.TextContent, StringComparison.Ordinal);
        Assert.Equal("/issuer/assets", cut.Find("a").GetAttribute("href"));
    }
}
