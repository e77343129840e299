using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 6's journey on the real stack (Chromium, the app, anvil): a new investor registers, submits
/// KYC, the admin approves it, the investor takes test USD from the faucet, buys fractions of a demo
/// asset and sees the holding; the chain holds exactly what the portfolio shows. A second purchase
/// over the maximum holding is refused in words, by the page and by the API, and changes nothing.
/// </summary>
[Collection(ChainJourneys.Name)]
public sealed class InvestorJourney(ChainAppHost host)
{
    private const string DemoMusic = "Night Drive (master)";

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, $"invest-{name}.png"), FullPage = true });

    [Fact]
    public async Task Investor_PassesKyc_FundsWallet_BuysFractions_PortfolioMatchesChain_AndAnOverLimitPurchaseIsRefused()
    {
        var assetId = await host.DemoAssetLiveAsync(DemoMusic);
        var email = $"ivan-{Guid.NewGuid():N}"[..13] + "@example.com";
        var idCard = Path.Combine(Path.GetTempPath(), $"id-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(idCard, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));

        // 1. A new user registers as an investor.
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 860 } });
        var investor = await context.NewPageAsync();
        await investor.GotoAsync("/Account/Register");
        await investor.FillAsync("#displayName", "Ivan Investor");
        await investor.FillAsync("#email", email);
        await investor.SelectOptionAsync("#role", "Investor");
        await investor.FillAsync("#password", "Invest!2345");
        await investor.FillAsync("#confirm", "Invest!2345");
        await investor.ClickAsync("button[type=submit]");
        await AppHost.WaitUntilInteractiveAsync(investor);

        // 2. Unverified: the asset page explains why buying is not possible yet.
        await investor.GotoAsync($"/assets/{assetId}");
        await AppHost.WaitUntilInteractiveAsync(investor);
        await investor.WaitForSelectorAsync("[data-testid=buy-refusal] >> text=Verify your identity first");
        await Shot(investor, "1-unverified");

        // 3. KYC: details and an ID document.
        await investor.GotoAsync("/verification");
        await AppHost.WaitUntilInteractiveAsync(investor);
        await investor.FillAsync("input[data-testid=kyc-name]", "Ivan Investor");
        await investor.ClickAsync("[data-testid=kyc-country]");
        await investor.ClickAsync(".mud-popover-open .mud-list-item >> text=Portugal");
        await investor.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        await investor.FillAsync("input[data-testid=kyc-dob]", "1988-03-14");
        for (var attempt = 0; attempt < 5 && await investor.Locator("[data-testid=kyc-file-name]").CountAsync() == 0; attempt++)
        {
            await investor.Locator("input[data-testid=kyc-document]").SetInputFilesAsync(idCard);
            try
            {
                await investor.WaitForSelectorAsync("[data-testid=kyc-file-name]", new PageWaitForSelectorOptions { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // InputFile wires its handler after the first render: set the file again.
            }
        }

        await Shot(investor, "2-kyc-form");
        await investor.ClickAsync("[data-testid=kyc-submit]");
        await investor.WaitForSelectorAsync("[data-testid=kyc-status] >> text=waiting for an administrator");
        await Shot(investor, "3-kyc-pending");

        // 4. The admin approves it in the KYC queue.
        var admin = await host.LoginAsync("admin@demo.local");
        await admin.GotoAsync("/admin/kyc");
        await AppHost.WaitUntilInteractiveAsync(admin);
        var row = admin.Locator("tr", new PageLocatorOptions { Has = admin.Locator("[data-testid=kyc-applicant] >> text=Ivan Investor") });
        await Shot(admin, "4-kyc-queue");
        await row.Locator("[data-testid=kyc-approve]").ClickAsync();
        await admin.WaitForSelectorAsync("text=approved: registering on chain");

        // 5. The faucet funds the wallet (minted on chain).
        await investor.GotoAsync("/wallet");
        await AppHost.WaitUntilInteractiveAsync(investor);
        var address = (await investor.TextContentAsync("[data-testid=wallet-address]"))!.Trim();
        await investor.ClickAsync("[data-testid=faucet]");
        await investor.WaitForSelectorAsync("[data-testid=wallet-balance] >> text=10,000.00 USD", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await Shot(investor, "5-wallet-funded");

        // 6. The marketplace lists the demo asset; its page shows the exact breakdown.
        await investor.GotoAsync("/marketplace");
        await AppHost.WaitUntilInteractiveAsync(investor);
        await investor.FillAsync("input[data-testid=market-search]", "Night Drive");
        await investor.WaitForSelectorAsync($"[data-testid=asset-card] >> text={DemoMusic}");
        await Shot(investor, "6-marketplace");
        // The search filters as the page re-renders: open the card of this asset, not whichever card is first yet.
        await investor.Locator("[data-testid=asset-card]", new PageLocatorOptions { HasText = DemoMusic }).Locator("[data-testid=card-open]").ClickAsync();
        await AppHost.WaitUntilInteractiveAsync(investor);
        await investor.WaitForSelectorAsync("[data-testid=buy-breakdown]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await SetQuantityAsync(investor, 40);
        await investor.WaitForSelectorAsync("[data-testid=quote-total] >> text=1,000.00 USD");
        Assert.Equal("25.00 USD", (await investor.TextContentAsync("[data-testid=quote-commission]"))!.Trim()); // 2.50% of 1,000.00
        Assert.Equal("975.00 USD", (await investor.TextContentAsync("[data-testid=quote-issuer]"))!.Trim());
        await Shot(investor, "7-breakdown");

        // 7. Confirm: the purchase runs on chain with live status.
        await investor.ClickAsync("[data-testid=buy-confirm]");
        await investor.WaitForSelectorAsync("[data-testid=purchase-status] >> text=Confirmed on chain", new PageWaitForSelectorOptions { Timeout = 90_000 });
        await Shot(investor, "8-purchase-confirmed");

        // 8. The portfolio shows the holding; the chain holds exactly that many fractions.
        var shown = await WaitForHoldingAsync(investor);
        await Shot(investor, "9-portfolio");
        var onChain = await FractionsOnChainAsync(assetId, address);
        Assert.Equal(40, shown);
        Assert.Equal(shown, onChain);

        // 9. Over the maximum holding (1,000 = 10% of 10,000): refused in words, nothing changes.
        await investor.GotoAsync($"/assets/{assetId}");
        await AppHost.WaitUntilInteractiveAsync(investor);
        await investor.WaitForSelectorAsync("[data-testid=buy-breakdown]");
        await SetQuantityAsync(investor, 961);
        await investor.WaitForSelectorAsync("[data-testid=buy-refusal] >> text=One investor may hold at most 1,000 fractions");
        Assert.True(await investor.IsDisabledAsync("[data-testid=buy-confirm]"));
        await Shot(investor, "10-over-limit");

        var quote = await investor.APIRequest.PostAsync($"/api/v1/assets/{assetId}/purchases/quote", new APIRequestContextOptions { DataObject = new { quantity = 961 } });
        var feeScheduleId = JsonDocument.Parse(await quote.TextAsync()).RootElement.GetProperty("feeScheduleId").GetGuid();
        var refused = await investor.APIRequest.PostAsync($"/api/v1/assets/{assetId}/purchases", new APIRequestContextOptions { DataObject = new { quantity = 961, feeScheduleId } });
        Assert.Equal(400, refused.Status);
        Assert.Contains("One investor may hold at most 1,000 fractions", await refused.TextAsync(), StringComparison.Ordinal);
        var history = await investor.APIRequest.GetAsync("/api/v1/portfolio");
        var portfolio = JsonDocument.Parse(await history.TextAsync()).RootElement;
        Assert.Equal(1, portfolio.GetProperty("history").GetArrayLength());
        Assert.Equal(40, await FractionsOnChainAsync(assetId, address));
    }

    private static async Task SetQuantityAsync(IPage page, long quantity)
    {
        var input = page.Locator("input[data-testid=buy-quantity]");
        await input.FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
        await page.WaitForSelectorAsync($"[data-testid=buy-confirm] >> text=/buy {quantity:N0} for/", new PageWaitForSelectorOptions { Timeout = 15_000 });
    }

    /// <summary>The portfolio reads the indexer (confirmed blocks): reload until the holding appears.</summary>
    private static async Task<long> WaitForHoldingAsync(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync("/portfolio");
            await AppHost.WaitUntilInteractiveAsync(page);
            var cell = page.Locator("[data-testid=holding-fractions]");
            if (await cell.CountAsync() > 0)
            {
                return long.Parse((await cell.First.TextContentAsync())!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (attempt > 30)
            {
                throw new TimeoutException("The holding never appeared in the portfolio.");
            }

            await Task.Delay(1_000);
        }
    }

    private async Task<long> FractionsOnChainAsync(Guid assetId, string address)
    {
        using var scope = host.Services.CreateScope();
        var asset = await scope.ServiceProvider.GetRequiredService<IAssetRepository>().FindAsync(new AssetId(assetId), CancellationToken.None);
        var chain = scope.ServiceProvider.GetRequiredService<ChainClient>();
        var contracts = await scope.ServiceProvider.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
        return (long)await chain.Web3.Eth.GetContractQueryHandler<Erc1155BalanceOfFunction>()
            .QueryAsync<BigInteger>(contracts.AssetToken, new Erc1155BalanceOfFunction { Account = address, Id = asset!.OnChainTokenId!.Value });
    }
}
