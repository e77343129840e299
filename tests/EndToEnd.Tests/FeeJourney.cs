using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 8's journey: the admin publishes a new primary commission, sees it live on chain (and the
/// sale contract reports it), and an investor's next purchase breakdown shows it. The previous
/// commission is restored at the end so the other journeys of the collection see the default.
/// </summary>
[Collection(ChainJourneys.Name)]
public sealed class FeeJourney(ChainAppHost host)
{
    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, $"fees-{name}.png"), FullPage = true });

    [Fact]
    public async Task Admin_ChangesThePrimaryCommission_SeesItLiveOnChain_AndTheNextBreakdownShowsIt()
    {
        var assetId = await host.DemoAssetLiveAsync("Night Drive (master)");
        var admin = await host.LoginAsync("admin@demo.local");
        try
        {
            await PublishCommissionAsync(admin, 400);
            await Shot(admin, "1-live-on-chain");
            Assert.Equal(400, await CommissionOnChainAsync());

            var investor = await host.LoginAsync("investor@demo.local");
            await investor.GotoAsync($"/assets/{assetId}");
            await AppHost.WaitUntilInteractiveAsync(investor);
            await investor.WaitForSelectorAsync("[data-testid=buy-breakdown] >> text=Platform commission (4.00%");
            Assert.Equal("4.00 USD", (await investor.TextContentAsync("[data-testid=quote-commission]"))!.Trim()); // 4% of 4 x 25.00
            await Shot(investor, "2-breakdown-with-new-commission");
        }
        finally
        {
            await PublishCommissionAsync(admin, 250);
        }

        Assert.Equal(250, await CommissionOnChainAsync());
    }

    private static async Task PublishCommissionAsync(IPage admin, int bps)
    {
        await admin.GotoAsync("/admin/fees");
        await AppHost.WaitUntilInteractiveAsync(admin);
        var field = admin.Locator("input[data-testid=fees-commission]");
        await field.FillAsync(bps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await field.PressAsync("Tab");
        await admin.ClickAsync("[data-testid=fees-publish]");
        var inForce = admin.Locator("[data-testid=fee-version-in-force]");
        await admin.WaitForSelectorAsync($"[data-testid=fee-version-in-force] >> text={bps / 100m:0.00}%");
        await inForce.Locator("[data-testid=fee-chain-status] >> text=live on chain").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    }

    private async Task<int> CommissionOnChainAsync()
    {
        using var scope = host.Services.CreateScope();
        var chain = scope.ServiceProvider.GetRequiredService<ChainClient>();
        var contracts = await scope.ServiceProvider.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
        return await chain.Web3.Eth.GetContractQueryHandler<CommissionBpsFunction>().QueryAsync<int>(contracts.PrimarySale, new CommissionBpsFunction());
    }
}
