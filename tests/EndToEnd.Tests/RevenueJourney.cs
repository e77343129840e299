using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 7's journey on the real stack: a creator imports a CSV statement for the demo music asset
/// (invalid rows shown and skipped), previews and runs the distribution from the funds in their
/// wallet; a holder who chose to claim sees the payout, claims it in one transaction, and the
/// holder's stablecoin balance on chain rises by exactly the amount shown.
/// </summary>
[Collection(ChainJourneys.Name)]
public sealed class RevenueJourney(ChainAppHost host)
{
    private const string DemoMusic = "Night Drive (master)";

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, $"revenue-{name}.png"), FullPage = true });

    private async Task<T> SendAsync<T>(Func<ISender, ValueTask<T>> send)
    {
        using var scope = host.Services.CreateScope();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    [Fact]
    public async Task Creator_ImportsAStatement_RunsTheDistribution_HolderClaimsExactlyWhatIsShown()
    {
        var assetId = await host.DemoAssetLiveAsync(DemoMusic);
        var (holderEmail, holderAddress) = await HolderOfAsync(assetId, 200);

        // 1. The creator (a payee of the asset) funds the wallet from the faucet.
        var creator = await host.LoginAsync("creator@demo.local");
        await creator.GotoAsync("/wallet");
        await AppHost.WaitUntilInteractiveAsync(creator);
        var creatorAddress = (await creator.TextContentAsync("[data-testid=wallet-address]"))!.Trim();
        var before = await host.StablecoinOnChainAsync(creatorAddress);
        await creator.ClickAsync("[data-testid=faucet]");
        await ChainAppHost.EventuallyAsync(async () => await host.StablecoinOnChainAsync(creatorAddress) > before, "the creator's faucet mint");

        // 2. Import a statement: three valid rows, a bad date and a formula are shown and skipped.
        var csv = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, string.Join("\r\n",
            "reference,date,source,amount,currency,description",
            "SPOT-2026-10-001,2026-10-31,streaming,1200.50,USD,Spotify October",
            "APPL-2026-10-001,2026-10-31,streaming,799.50,USD,Apple Music October",
            "SYNC-2026-11-001,2026-11-02,licensing,1000,USD,\"Sync licence, ad\"",
            "BAD-DATE,2026-13-01,streaming,10,USD,wrong month",
            "=HYPERLINK(\"http://x\"),2026-10-01,streaming,10,USD,formula"));
        await creator.GotoAsync("/creator/revenue");
        await AppHost.WaitUntilInteractiveAsync(creator);
        await creator.ClickAsync($"[data-testid=revenue-asset] >> text={DemoMusic}");
        await AppHost.WaitUntilInteractiveAsync(creator);
        for (var attempt = 0; attempt < 4 && await creator.Locator("[data-testid=import-preview]").CountAsync() == 0; attempt++)
        {
            if (attempt > 0)
            {
                // A broken circuit is a bug, not a race: fail with what the page shows.
                Assert.False(await creator.IsVisibleAsync("#blazor-error-ui"), "The page's circuit failed while reading the statement.");
                await creator.ReloadAsync();
                await AppHost.WaitUntilInteractiveAsync(creator);
            }

            await creator.Locator("input[data-testid=import-file]").SetInputFilesAsync(csv);
            try
            {
                await creator.WaitForSelectorAsync("[data-testid=import-preview]", new PageWaitForSelectorOptions { Timeout = 8_000 });
            }
            catch (TimeoutException)
            {
                // InputFile wires its handler after the first render: reload and set the file again.
            }
        }

        if (await creator.Locator("[data-testid=import-preview]").CountAsync() == 0)
        {
            await Shot(creator, "0-import-missing");
            Assert.Fail($"No import preview. Page says: {await creator.InnerTextAsync("body")}");
        }

        Assert.Equal("3 valid", (await creator.TextContentAsync("[data-testid=import-valid]"))!.Trim());
        Assert.Equal(2, await creator.Locator("[data-testid=import-row-invalid]").CountAsync());
        await creator.WaitForSelectorAsync("text=is not a date");
        await creator.WaitForSelectorAsync("text=spreadsheet formula injection");
        await Shot(creator, "1-import-preview");
        await creator.ClickAsync("[data-testid=import-confirm]");

        // A payee's statement waits for the issuer: nothing counts until the issuer confirms it.
        await creator.WaitForSelectorAsync("[data-testid=revenue-awaiting] >> text=Awaiting the issuer's confirmation (3)");
        await creator.WaitForSelectorAsync("[data-testid=undistributed] >> text=0.00 USD");
        Assert.Equal(0, await creator.Locator("[data-testid=revenue-confirm-all]").CountAsync());
        await Shot(creator, "1a-awaiting-confirmation");
        var issuer = await host.LoginAsync("issuer@demo.local");
        await issuer.GotoAsync($"/revenue/{assetId}");
        await AppHost.WaitUntilInteractiveAsync(issuer);
        await issuer.ClickAsync("[data-testid=revenue-confirm-all]");
        await issuer.WaitForSelectorAsync("[data-testid=undistributed] >> text=3,000.00 USD");
        await Shot(issuer, "1b-issuer-confirmed");
        await creator.ReloadAsync();
        await AppHost.WaitUntilInteractiveAsync(creator);
        await creator.WaitForSelectorAsync("[data-testid=undistributed] >> text=3,000.00 USD");

        // 3. Preview: every line, exact; the holder's line is read from the page.
        await creator.ClickAsync("text=\"Distribute\"");
        await creator.ClickAsync("[data-testid=dist-preview]");
        await creator.WaitForSelectorAsync("[data-testid=dist-gross] >> text=3,000.00 USD");
        Assert.Equal("30.00 USD", (await creator.TextContentAsync("[data-testid=dist-fee]"))!.Trim()); // 1% distribution fee
        var holderRow = creator.Locator("[data-testid=dist-holder]", new PageLocatorOptions { HasText = holderAddress });
        var shown = ParseUsd((await holderRow.Locator("td").Nth(2).TextContentAsync())!);
        Assert.True(shown > 0);
        await Shot(creator, "2-distribution-preview");

        // 4. Run it: the page follows the chain until the distribution completes.
        await creator.ClickAsync("[data-testid=dist-run]");
        await creator.WaitForSelectorAsync("[data-testid=dist-status] >> text=Completed", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await Shot(creator, "3-distribution-completed");

        // 5. The holder sees the payout as claimable, claims it, and the chain pays exactly that.
        var holder = await host.LoginAsync(holderEmail, "Hold!2345x");
        await holder.GotoAsync("/portfolio");
        await AppHost.WaitUntilInteractiveAsync(holder);
        await holder.WaitForSelectorAsync($"[data-testid=payouts-claimable] >> text={FormatUsd(shown)}");
        Assert.Equal(FormatUsd(shown), (await holder.TextContentAsync("[data-testid=payout-amount]"))!.Trim());
        await Shot(holder, "4-holder-claimable");
        var balanceBefore = await host.StablecoinOnChainAsync(holderAddress);
        await holder.ClickAsync("[data-testid=claim-all]");
        await ChainAppHost.EventuallyAsync(async () => await host.StablecoinOnChainAsync(holderAddress) != balanceBefore, "the claim to be paid");
        Assert.Equal(shown, await host.StablecoinOnChainAsync(holderAddress) - balanceBefore);
        await holder.WaitForSelectorAsync("[data-testid=payouts-claimable] >> text=Claimable now: 0.00 USD", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await Shot(holder, "5-holder-claimed");
    }

    /// <summary>A verified investor (set up through the use cases) holding <paramref name="fractions"/> of the asset, who claims payouts.</summary>
    private async Task<(string Email, string Address)> HolderOfAsync(Guid assetId, long fractions)
    {
        var email = $"hana-{Guid.NewGuid():N}"[..13] + "@example.com";
        string userId;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Hana Holder", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, "Hold!2345x")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Investor)).Succeeded);
            await scope.ServiceProvider.GetRequiredService<IWalletService>().EnsureWalletAsync(user.Id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            userId = user.Id;
        }

        var address = (await SendAsync(s => s.Send(new GetMyWallet(userId)))).Value.Address;
        await using var document = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var kyc = await SendAsync(s => s.Send(new SubmitKyc(userId, "Hana Holder", "PT", new DateOnly(1990, 1, 1), "id.png", "image/png", document.Length, document)));
        Assert.True((await SendAsync(s => s.Send(new ApproveKyc(kyc.Value.Id, "test-admin")))).IsSuccess);
        Assert.True((await SendAsync(s => s.Send(new RequestTestFunds(userId)))).IsSuccess);
        await ChainAppHost.EventuallyAsync(async () => await host.StablecoinOnChainAsync(address) > 0, "the holder's faucet mint");
        var quote = await SendAsync(s => s.Send(new QuotePurchase(userId, new AssetId(assetId), fractions)));
        Assert.True(quote.Value.Quote.CanBuy, string.Join("; ", quote.Value.Quote.Refusals.Select(r => r.Message)));
        var purchase = await SendAsync(s => s.Send(new PlacePurchase(userId, new AssetId(assetId), fractions, quote.Value.FeeScheduleId)));
        await ChainAppHost.EventuallyAsync(
            async () => (await SendAsync(s => s.Send(new GetPurchase(userId, purchase.Value.Id)))).Value.Status == PurchaseStatus.Confirmed, "the holder's purchase");
        Assert.True((await SendAsync(s => s.Send(new SetPayoutPreference(userId, PayoutPreference.Claim)))).IsSuccess);
        await ChainAppHost.EventuallyAsync(async () =>
        {
            using var scope = host.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<IHoldingsReader>().ByAddressAsync(address, CancellationToken.None)).Count > 0;
        }, "the indexer to see the holding");
        return (email, address);
    }

    private static long ParseUsd(string text) => Money.Parse(text.Replace("USD", "", StringComparison.Ordinal).Trim()).Value.MinorUnits;

    private static string FormatUsd(long minorUnits) => $"{Money.FromMinorUnits(minorUnits).Value} USD";
}
