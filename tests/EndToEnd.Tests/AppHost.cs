using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// The real app on a loopback Kestrel port with the product's default database (SQLite in a fresh data
/// folder) and demo users, plus one headless Debian Chromium shared by the journeys.
/// </summary>
public class AppHost : IAsyncLifetime
{
    /// <summary>Run the app with its managed chain (anvil on a free port) instead of no chain.</summary>
    protected virtual bool WithChain => false;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tp-e2e-{Guid.NewGuid():N}");
    private Factory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "test-output", "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new Factory(_dataDirectory, WithChain);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TOKENPLATFORM_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A fresh browser context (own cookies), logged in through the real login form.</summary>
    public async Task<IPage> LoginAsync(string email, string password = "Demo!2345")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Creates a draft through the issuer's form and waits for the wizard it opens. The kind picker's
    /// popover closes with a re-render; a name typed in that instant can reach the server before the
    /// kind does, so the form is checked and submitted again (at most three times) if it comes back
    /// with a field error instead of the wizard.
    /// </summary>
    public static async Task CreateDraftAsync(IPage page, string kind, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync("[data-testid=draft-kind]");
            await page.ClickAsync($".mud-popover-open .mud-list-item >> text={kind}");
            await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
            await page.FillAsync("input[data-testid=draft-name]", name);
            await page.PressAsync("input[data-testid=draft-name]", "Tab");
            await page.ClickAsync("[data-testid=draft-submit]");
            try
            {
                await page.WaitForSelectorAsync("[data-testid=wizard]", new PageWaitForSelectorOptions { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Waits for the Blazor circuit: the layout renders data-interactive="true" only once it is live.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    public IServiceProvider Services => _factory!.Services;

    private sealed class Factory(string dataDirectory, bool withChain) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Identity:SeedDemoUsers", "true");
            if (withChain)
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                listener.Start();
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                builder.UseSetting("Chain:Mode", "Managed");
                builder.UseSetting("Chain:AnvilPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Chain:PollMilliseconds", "200");
                builder.UseSetting("Demo:SeedAssets", "false");
            }
            else
            {
                // Navigation journeys need no chain; the chain journeys use ChainAppHost.
                builder.UseSetting("Chain:Mode", "Disabled");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<AppHost>
{
    public const string Name = "browser";
}

/// <summary>The app with its managed chain, for journeys that end on chain.</summary>
public sealed class ChainAppHost : AppHost
{
    protected override bool WithChain => true;

    /// <summary>Seeds the demo assets (idempotent by name) and waits until <paramref name="name"/> is live with its offering open on chain.</summary>
    public async Task<Guid> DemoAssetLiveAsync(string name)
    {
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Setup.DemoAssets>().SeedAsync(CancellationToken.None);
        }

        for (var attempt = 0; attempt < 240; attempt++)
        {
            using var scope = Services.CreateScope();
            var live = await scope.ServiceProvider.GetRequiredService<Domain.Assets.IAssetRepository>().ListByStatusAsync(Domain.Assets.AssetStatus.Live, 100, CancellationToken.None);
            if (live.FirstOrDefault(a => a.Name == name) is { } asset
                && (await scope.ServiceProvider.GetRequiredService<Domain.Chain.IChainMonitor>().ListByKeyPrefixAsync(Domain.Chain.OperationKeys.AssetPrefix(asset.Id), CancellationToken.None))
                    .All(o => o.Status == Domain.Chain.ChainOperationStatus.Confirmed)
                && await scope.ServiceProvider.GetRequiredService<Domain.Assets.IAssetRepository>().FindAsync(asset.Id, CancellationToken.None) is { AwaitsChain: false })
            {
                return asset.Id.Value;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The demo asset {name} never went live.");
    }

    /// <summary>A stablecoin balance read straight from the chain (minor units).</summary>
    public async Task<long> StablecoinOnChainAsync(string address)
    {
        using var scope = Services.CreateScope();
        var chain = scope.ServiceProvider.GetRequiredService<Infrastructure.Chain.ChainClient>();
        var contracts = await scope.ServiceProvider.GetRequiredService<Infrastructure.Chain.Outbox.ContractAddressesProvider>().GetAsync(CancellationToken.None);
        return (long)await chain.Web3.Eth.GetContractQueryHandler<Infrastructure.Chain.Contracts.Erc20BalanceOfFunction>()
            .QueryAsync<System.Numerics.BigInteger>(contracts.TestUsd, new Infrastructure.Chain.Contracts.Erc20BalanceOfFunction { Account = address });
    }

    /// <summary>Polls until <paramref name="condition"/> holds (at most <paramref name="seconds"/>).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        for (var waited = 0; waited < seconds * 4; waited++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out waiting for: {what}");
    }
}

[CollectionDefinition(Name)]
public sealed class ChainJourneys : ICollectionFixture<ChainAppHost>
{
    public const string Name = "browser-chain";
}
