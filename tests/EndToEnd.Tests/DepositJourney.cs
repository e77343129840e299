using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nethereum.Web3;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 19's journey on the real stack (workers running): the creator finds the asset's deposit
/// address on the revenue page and copies it; a label pays royalties to it from its own account; the
/// creator's dashboard shows the automatic payout without a reload, and the creator's balance on chain
/// rose by exactly that amount.
/// </summary>
[Collection(ChainJourneys.Name)]
public sealed class DepositJourney(ChainAppHost host)
{
    private const string DemoArt = "Blue Horse (study)";

    /// <summary>anvil's 9th deterministic dev account: the label, with no role anywhere.</summary>
    private const string LabelKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, $"deposit-{name}.png"), FullPage = true });

    private async Task<T> SendAsync<T>(Func<ISender, ValueTask<T>> send)
    {
        using var scope = host.Services.CreateScope();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    [Fact]
    public async Task Creator_CopiesTheDepositAddress_ALabelPays_TheDashboardShowsTheAutomaticPayout()
    {
        var assetId = new AssetId(await host.DemoAssetLiveAsync(DemoArt));
        string issuer, creatorId;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
            issuer = (await users.FindByEmailAsync("issuer@demo.local"))!.Id;
            creatorId = (await users.FindByEmailAsync("creator@demo.local"))!.Id;
        }

        Assert.True((await SendAsync(s => s.Send(new SetDistributionPolicy(issuer, assetId, DistributionMode.OnArrival, "1")))).IsSuccess);
        try
        {
            await JourneyAsync(assetId, creatorId);
        }
        finally
        {
            Assert.True((await SendAsync(s => s.Send(new SetDistributionPolicy(issuer, assetId, DistributionMode.Manual, null)))).IsSuccess);
        }
    }

    private async Task JourneyAsync(AssetId assetId, string creatorId)
    {
        // 1. The creator (a payee) opens the revenue page and copies the deposit address.
        var creator = await host.LoginAsync("creator@demo.local");
        await creator.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await creator.GotoAsync($"/revenue/{assetId}");
        await AppHost.WaitUntilInteractiveAsync(creator);
        for (var attempt = 0; attempt < 60 && await creator.Locator("[data-testid=deposit-address]").CountAsync() == 0; attempt++)
        {
            await Task.Delay(1_000);
            await creator.ReloadAsync();
            await AppHost.WaitUntilInteractiveAsync(creator);
        }

        var address = (await creator.TextContentAsync("[data-testid=deposit-address]"))!.Trim();
        Assert.Matches("^0x[0-9a-fA-F]{40}$", address);
        Assert.Equal(1, await creator.Locator("[data-testid=deposit-qr] svg").CountAsync());
        await creator.ClickAsync("[data-testid=deposit-copy]");
        // The page writes the clipboard asynchronously after the click: read until it is there (or time out).
        var copied = "";
        for (var attempt = 0; attempt < 50 && copied != address; attempt++)
        {
            await Task.Delay(100);
            copied = await creator.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        }

        Assert.Equal(address, copied);
        await Shot(creator, "1-deposit-address");

        // 2. The creator watches the dashboard; a label pays 120 USD of royalties to the address.
        await creator.GotoAsync("/");
        await AppHost.WaitUntilInteractiveAsync(creator);
        await creator.WaitForSelectorAsync("[data-testid=creator-dashboard]");
        var creatorWallet = (await SendAsync(s => s.Send(new Domain.Wallets.GetMyWallet(creatorId)))).Value.Address;
        var before = await host.StablecoinOnChainAsync(creatorWallet);
        using (var scope = host.Services.CreateScope())
        {
            var chain = scope.ServiceProvider.GetRequiredService<ChainClient>();
            var contracts = await scope.ServiceProvider.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
            var label = new Web3(new Nethereum.Web3.Accounts.Account(LabelKey, chain.Options.ChainId), chain.Options.RpcUrl);
            // Test money for the label, minted through the outbox (the operator's nonces are the outbox's).
            await scope.ServiceProvider.GetRequiredService<Domain.Chain.IChainOutbox>()
                .EnqueueAsync(new Domain.Chain.MintTestStablecoin(label.TransactionManager.Account.Address, 120_000_000), $"test:label:{Guid.NewGuid()}", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Domain.Common.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            await ChainAppHost.EventuallyAsync(async () => await host.StablecoinOnChainAsync(label.TransactionManager.Account.Address) >= 120_000_000, "the label's test money");
            var paid = await label.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
                .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new Erc20TransferFunction { To = address, Value = 120_000_000 });
            Assert.Equal(1, (int)paid.Status.Value);
        }

        // 3. No reload: the automatic payout appears, completed, with its transaction.
        var row = creator.Locator("[data-testid=creator-payout]", new PageLocatorOptions { HasText = "automatic (deposit)" });
        await row.Locator("[data-testid=creator-payout-status] >> text=Completed").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        var shown = (await row.First.Locator("[data-testid=creator-payout-amount]").TextContentAsync())!.Replace("USD", "", StringComparison.Ordinal).Trim();
        await Shot(creator, "2-automatic-payout");
        Assert.Equal(Domain.Common.Money.Parse(shown).Value.MinorUnits, await host.StablecoinOnChainAsync(creatorWallet) - before);
    }
}
