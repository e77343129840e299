using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 5's journey on the real stack (Chromium, the app, anvil): an issuer tokenizes a music
/// royalty with three payees and a document, the admin approves, the asset goes live with its
/// transactions shown, the document verifies, and the chain holds what the page showed.
/// </summary>
[Collection(ChainJourneys.Name)]
public sealed class TokenizationJourney(ChainAppHost host)
{
    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, $"tokenize-{name}.png"), FullPage = true });

    [Fact]
    public async Task Issuer_TokenizesMusicRoyalty_AdminApproves_AssetGoesLive_AndTheChainMatchesThePage()
    {
        var payees = Enumerable.Range(0, 3).Select(_ => EthECKey.GenerateKey().GetPublicAddress()).ToList();
        var pdf = Path.Combine(Path.GetTempPath(), $"licence-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());

        // 1. The issuer starts a music-royalty draft.
        var issuer = await host.LoginAsync("issuer@demo.local");
        await issuer.GotoAsync("/issuer/assets");
        await AppHost.WaitUntilInteractiveAsync(issuer);
        await AppHost.CreateDraftAsync(issuer, "Music royalty", "Midnight Run (master)");

        // 2. Details.
        await issuer.FillAsync("input[data-testid=music-artist]", "Nova");
        await issuer.FillAsync("input[data-testid=music-track]", "Midnight Run");
        await issuer.FillAsync("input[data-testid=music-isrc]", "GB-TPL-26-00042");
        await issuer.FillAsync("input[data-testid=music-royalties]", "12000");
        await Shot(issuer, "1-details");
        await issuer.ClickAsync("[data-testid=details-save]");

        // 3. A document, hashed by the platform. Blazor's InputFile wires its change handler after
        // its first render, so a file set in that instant can be missed: set it again until it shows.
        for (var attempt = 0; attempt < 5 && await issuer.Locator("[data-testid=document-sha]").CountAsync() == 0; attempt++)
        {
            await issuer.Locator("input[data-testid=document-file]").SetInputFilesAsync(pdf);
            try
            {
                await issuer.WaitForSelectorAsync("[data-testid=document-sha]", new PageWaitForSelectorOptions { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // Not handled yet: try again.
            }
        }

        if (await issuer.Locator("[data-testid=document-sha]").CountAsync() == 0)
        {
            await Shot(issuer, "failed-document");
            throw new Xunit.Sdk.XunitException("The document did not upload: " + await issuer.InnerTextAsync("main"));
        }

        var sha = (await issuer.Locator("[data-testid=document-sha]").First.InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", sha);
        await Shot(issuer, "2-documents");
        await issuer.ClickAsync("[data-testid=documents-continue]");

        // 4. Terms.
        await issuer.FillAsync("input[data-testid=terms-supply]", "5000");
        await issuer.FillAsync("input[data-testid=terms-price]", "20");
        await issuer.FillAsync("input[data-testid=terms-royalty]", "500");
        await Shot(issuer, "3-terms");
        await issuer.ClickAsync("[data-testid=terms-save]");

        // 5. Three payees and the holders' share.
        // The step renders after the terms are saved; a click during that re-render can be lost, so
        // add rows until there are three (each click is checked, never more than three rows).
        for (var attempt = 0; attempt < 10 && await issuer.Locator("input[data-testid=payee-label]").CountAsync() < 3; attempt++)
        {
            var before = await issuer.Locator("input[data-testid=payee-label]").CountAsync();
            await issuer.ClickAsync("[data-testid=payee-add]");
            try
            {
                await issuer.Locator("input[data-testid=payee-label]").Nth(before).WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // Lost in a re-render: click again.
            }
        }

        Assert.Equal(3, await issuer.Locator("input[data-testid=payee-label]").CountAsync());

        var percents = new[] { "20", "10", "10" };
        for (var i = 0; i < 3; i++)
        {
            await issuer.Locator("input[data-testid=payee-label]").Nth(i).FillAsync($"Payee {i + 1}");
            await issuer.Locator("input[data-testid=payee-address]").Nth(i).FillAsync(payees[i]);
            await issuer.Locator("input[data-testid=payee-percent]").Nth(i).FillAsync(percents[i]);
        }

        await issuer.FillAsync("input[data-testid=holders-percent]", "60");
        await issuer.WaitForSelectorAsync("[data-testid=split-total] >> text=Total: 100.00%");
        await Shot(issuer, "4-split");
        await issuer.ClickAsync("[data-testid=split-save]");

        // 6. Review: the fee preview, then submission.
        await issuer.WaitForSelectorAsync("[data-testid=fee-preview]");
        await Shot(issuer, "5-review");
        await issuer.ClickAsync("[data-testid=submit-review]");
        await issuer.WaitForSelectorAsync("[data-testid=asset-status] >> text=In review");
        var assetUrl = new Uri(issuer.Url).AbsolutePath;

        // 7. The admin approves.
        var admin = await host.LoginAsync("admin@demo.local");
        await admin.GotoAsync("/admin/reviews");
        await AppHost.WaitUntilInteractiveAsync(admin);
        await admin.WaitForSelectorAsync("[data-testid=review-queue] >> text=Midnight Run (master)");
        await Shot(admin, "6-review-queue");
        await admin.ClickAsync("[data-testid=approve]");
        await admin.WaitForSelectorAsync("[data-testid=review-empty]");

        // 8. The asset page shows it live with its transactions; the document verifies.
        await issuer.GotoAsync(assetUrl);
        await AppHost.WaitUntilInteractiveAsync(issuer);
        try
        {
            await issuer.WaitForSelectorAsync("[data-testid=asset-status] >> text=Live", new PageWaitForSelectorOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await Shot(issuer, "failed-not-live");
            await using var scope = host.Services.CreateAsyncScope();
            var operations = await scope.ServiceProvider.GetRequiredService<IChainMonitor>().ListOperationsAsync(null, 50, CancellationToken.None);
            throw new Xunit.Sdk.XunitException("The asset did not go live. Chain operations: " + string.Join(" | ", operations.Select(o => $"{o.Kind} {o.Status} {o.Error}")));
        }
        await issuer.WaitForSelectorAsync("[data-testid=tx-hash]");
        // Live as soon as the asset exists; its document anchor and offering follow in the next blocks.
        for (var wait = 0; wait < 60 && await issuer.Locator("[data-testid=chain-operation] >> text=Confirmed").CountAsync() < 4; wait++)
        {
            await issuer.WaitForTimeoutAsync(500);
        }

        await issuer.ClickAsync("[data-testid=verify-document]");
        await issuer.WaitForSelectorAsync("[data-testid=verify-result] >> text=Verified on chain");
        await Shot(issuer, "7-live");
        var tokenId = long.Parse((await issuer.InnerTextAsync("[data-testid=asset-token-id]")).Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var shownSupply = (await issuer.InnerTextAsync("[data-testid=asset-supply]")).Replace(",", "", StringComparison.Ordinal).Trim();

        // 9. The chain holds what the page showed: supply, document hash, split.
        var chain = host.Services.GetRequiredService<ChainClient>();
        var contracts = await host.Services.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
        var supply = await chain.Web3.Eth.GetContractQueryHandler<TotalSupplyFunction>().QueryAsync<BigInteger>(contracts.AssetToken, new TotalSupplyFunction { Id = tokenId });
        var anchored = await chain.Web3.Eth.GetContractQueryHandler<DocumentAtFunction>()
            .QueryDeserializingToObjectAsync<DocumentAtOutput>(new DocumentAtFunction { Id = tokenId, Index = 0 }, contracts.AssetToken);
        Assert.Equal(shownSupply, supply.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5000, supply);
        Assert.Equal(sha, anchored.Document.Sha256Hash.ToHex(false));

        var streams = chain.Web3.Eth.GetEvent<StreamCreatedEvent>(contracts.RoyaltySplitter);
        var created = await streams.GetAllChangesAsync(streams.CreateFilterInput(BlockParameter.CreateEarliest(), BlockParameter.CreateLatest()));
        var stream = created.Select(e => e.Event).Single(e => e.Payees.Any(p => EthAddress.Comparer.Equals(p, payees[0])));
        Assert.Equal(payees.Select(p => p.ToLowerInvariant()).Append(contracts.HolderDistributor.ToLowerInvariant()), stream.Payees.Select(p => p.ToLowerInvariant()));
        Assert.Equal([2_000, 1_000, 1_000, 6_000], stream.Bps.Select(b => (int)b));
        File.Delete(pdf);
    }
}
