using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Web.Tests;

/// <summary>The revenue API on the real app and PostgreSQL: API-key authentication, idempotency, validation, and the distribution preview's shape.</summary>
public sealed class RevenueApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A live asset of the demo issuer whose split names the demo creator's wallet.</summary>
    private async Task<Asset> LiveAssetAsync(long tokenId)
    {
        using var scope = factory.Services.CreateScope();
        var wallets = scope.ServiceProvider.GetRequiredService<IWalletService>();
        var creator = await wallets.FindAsync(await UserIdAsync("creator@demo.local"), CancellationToken.None);
        var asset = TestAssets.LiveArt(await UserIdAsync("issuer@demo.local"), tokenId,
            [new SplitPayee("Creator", PayeeRole.Artist, creator!.Address, 3_000), new SplitPayee("Manager", PayeeRole.Other, "0x" + new string('7', 40), 1_000)], 6_000);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(asset);
        await db.SaveChangesAsync();
        return asset;
    }

    private async Task<string> KeyAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Domain.ApiKeys.CreateApiKey(await UserIdAsync(email), "statement feed"))).Value.Secret;
    }

    private HttpClient WithKey(string key)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task Ingestion_IsIdempotentByReference_AndBatchesUpTo10000()
    {
        var asset = await LiveAssetAsync(101);
        using var client = WithKey(await KeyAsync("creator@demo.local"));
        var path = Url($"/api/v1/assets/{asset.Id}/revenue");
        var events = Enumerable.Range(0, 10_000).Select(i => new { reference = $"DSP-2026-10-{i:D5}", date = "2026-10-31", source = "streaming", amount = 1_000 + i }).ToList();

        using var single = await client.PostAsJsonAsync(path, new { reference = "SPOT-2026-10", date = "2026-10-31", source = "streaming", amount = 1_250_500_000, currency = "USD" });
        using var again = await client.PostAsJsonAsync(path, new { reference = "SPOT-2026-10", date = "2026-10-31", source = "streaming", amount = 9 });
        using var batch = await client.PostAsJsonAsync(path, new { events });
        using var replay = await client.PostAsJsonAsync(path, new { events });

        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal((1, 1, 0), Counts(await single.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal((1, 0, 1), Counts(await again.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal((10_000, 10_000, 0), Counts(await batch.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal((10_000, 0, 10_000), Counts(await replay.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task OneBadItem_Is400NamingItsIndex_AndNothingIsRecorded()
    {
        var asset = await LiveAssetAsync(102);
        using var client = WithKey(await KeyAsync("issuer@demo.local"));
        var path = Url($"/api/v1/assets/{asset.Id}/revenue");

        using var response = await client.PostAsJsonAsync(path, new
        {
            events = new object[]
            {
                new { reference = "OK-1", date = "2026-10-31", source = "rent", amount = 100 },
                new { reference = "BAD-1", date = "2026-02-30", source = "rent", amount = -5, currency = "EUR" },
            },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var list = await (await factory.LoggedInAsync("issuer@demo.local")).GetAsync(Url($"/api/v1/assets/{asset.Id}/revenue"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("events[1].Date", out _));
        Assert.True(errors.TryGetProperty("events[1].Amount", out _));
        Assert.True(errors.TryGetProperty("events[1].Currency", out _));
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Keys_AreRequired_RevocationIsImmediate_AndOnlyRevenueRecordersKeysWork()
    {
        var asset = await LiveAssetAsync(103);
        var path = Url($"/api/v1/assets/{asset.Id}/revenue");
        var body = new { reference = "R-1", date = "2026-10-31", source = "sale", amount = 5 };
        var investorKey = await KeyAsync("investor@demo.local");
        var creatorKey = await KeyAsync("creator@demo.local");
        using var cookie = await factory.LoggedInAsync("creator@demo.local");

        using var none = await factory.Anonymous().PostAsJsonAsync(path, body);
        using var forged = await WithKey("tpk_0123456789_not-a-real-secret").PostAsJsonAsync(path, body);
        using var withCookieOnly = await cookie.PostAsJsonAsync(path, body);
        using var stranger = await WithKey(investorKey).PostAsJsonAsync(path, body);
        using (var scope = factory.Services.CreateScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
            var creatorId = await UserIdAsync("creator@demo.local");
            var listed = await keys.Send(new Domain.ApiKeys.ListApiKeys(creatorId));
            Assert.All(listed, k => Assert.DoesNotContain(creatorKey, k.Prefix + k.Name, StringComparison.Ordinal));
            Assert.True((await keys.Send(new Domain.ApiKeys.RevokeApiKey(creatorId, listed.Single(k => creatorKey.StartsWith(k.Prefix, StringComparison.Ordinal)).Id))).IsSuccess);
        }

        using var revoked = await WithKey(creatorKey).PostAsJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookieOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode); // an investor is no revenue recorder: the key is refused
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task DistributionPreview_ReturnsEveryLineAsIntegers_SummingToTheGross()
    {
        var asset = await LiveAssetAsync(104);
        await HoldersAsync(104, ("0x2222222222222222222222222222222222222222", 600), ("0x1111111111111111111111111111111111111111", 400));
        using var client = await factory.LoggedInAsync("issuer@demo.local");

        using var response = await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/distributions/preview"), new
        {
            gross = 1_000_000_001,
        });
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fee = plan.GetProperty("distributionFee");
        Assert.Equal((100, 10_000_000L), (fee.GetProperty("bps").GetInt32(), fee.GetProperty("amount").GetInt64()));
        var management = plan.GetProperty("managementFee");
        Assert.Equal(100, management.GetProperty("bpsPerYear").GetInt32());
        var payees = plan.GetProperty("payees").EnumerateArray().ToList();
        Assert.Equal([3_000, 1_000], payees.Select(p => p.GetProperty("bps").GetInt32()));
        var holders = plan.GetProperty("holders").EnumerateArray().ToList();
        Assert.Equal(["0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222"], holders.Select(h => h.GetProperty("address").GetString()));
        Assert.Equal([400L, 600L], holders.Select(h => h.GetProperty("fractions").GetInt64()));
        var sum = fee.GetProperty("amount").GetInt64() + management.GetProperty("amount").GetInt64()
            + payees.Sum(p => p.GetProperty("amount").GetInt64()) + holders.Sum(h => h.GetProperty("amount").GetInt64());
        Assert.Equal(1_000_000_001, sum);
    }

    [Fact]
    public async Task DistributionPreview_ForSomeoneElsesAsset_Is404_AndForAnInvestor403()
    {
        var asset = await LiveAssetAsync(105);
        using var otherIssuer = await factory.LoggedInAsync("creator@demo.local"); // a payee may preview
        using var investor = await factory.LoggedInAsync("investor@demo.local");
        var path = Url($"/api/v1/assets/{AssetId.New()}/distributions/preview");

        using var missing = await otherIssuer.PostAsJsonAsync(path, new { gross = 10 });
        using var forbidden = await investor.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/distributions/preview"), new { gross = 10 });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task DistributionRequests_WithANegativeAmount_AreFieldErrors()
    {
        var asset = await LiveAssetAsync(106);
        using var client = await factory.LoggedInAsync("issuer@demo.local");

        using var preview = await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/distributions/preview"), new { gross = -1 });
        using var run = await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/distributions"), new
        {
            expectedGross = -1,
            feeScheduleId = Guid.NewGuid(),
            distributionFeeBps = 100,
            managementFeeBpsPerYear = 100,
        });

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Contains("above zero", (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Gross")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);
        Assert.True((await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ExpectedGross", out _));
    }

    [Fact]
    public async Task Payouts_ReturnAmountsAsIntegersOfMinorUnits()
    {
        var investor = await UserIdAsync("investor@demo.local");
        string wallet;
        using (var scope = factory.Services.CreateScope())
        {
            wallet = (await scope.ServiceProvider.GetRequiredService<IWalletService>().FindAsync(investor, CancellationToken.None))!.Address;
            var now = DateTimeOffset.UtcNow;
            var input = new DistributionInput(Units(1_234_567), 0, 0, Money.Zero, now.AddDays(-30), now, Money.Zero, [], 10_000, [new HolderPosition(wallet, 10)]);
            var result = DistributionCalculator.Compute(input).Value;
            List<DistributionLine> lines =
            [
                new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, Money.Zero),
                new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, Money.Zero),
                new(2, DistributionLineKind.Holder, null, wallet, null, 10, result.Holders[0].Amount),
            ];
            var distribution = new Distribution(Guid.CreateVersion7(), AssetId.New(), 107, now, input, result, Guid.NewGuid(), "issuer", "0x" + new string('9', 40),
                "0x" + new string('0', 64), result.HoldersShare, lines, now);
            distribution.Complete(now);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(distribution);
            await db.SaveChangesAsync();
        }

        using var client = await factory.LoggedInAsync("investor@demo.local");
        var payouts = await client.GetFromJsonAsync<JsonElement>(Url("/api/v1/payouts"));

        Assert.Equal(JsonValueKind.Number, payouts.GetProperty("totalReceived").ValueKind);
        Assert.Equal(JsonValueKind.Number, payouts.GetProperty("totalClaimable").ValueKind);
        Assert.True(payouts.GetProperty("totalReceived").GetInt64() >= 1_234_567);
        Assert.Contains(payouts.GetProperty("history").EnumerateArray(), h => h.GetProperty("amount").ValueKind == JsonValueKind.Number && h.GetProperty("amount").GetInt64() == 1_234_567);
    }

    /// <summary>Writes indexed holdings history as the indexer would (this app runs without a chain).</summary>
    private async Task HoldersAsync(long tokenId, params (string Address, long Fractions)[] holders)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cursor = db.ChainCursors.FirstOrDefault(c => c.ChainId == 31337 && c.Name == EventIndexer.CursorName);
        if (cursor is null)
        {
            db.ChainCursors.Add(new ChainCursor { ChainId = 31337, Name = EventIndexer.CursorName, LastBlock = 10, LastBlockTime = DateTimeOffset.UtcNow.AddHours(1) });
        }

        foreach (var (address, fractions) in holders)
        {
            db.HoldingChanges.Add(new HoldingChange { AssetTokenId = tokenId, Address = address, Block = 5, LogIndex = 0, BlockTime = DateTimeOffset.UtcNow.AddMinutes(-5), Delta = fractions });
        }

        await db.SaveChangesAsync();
    }

    private static (int, int, int) Counts(JsonElement e) => (e.GetProperty("received").GetInt32(), e.GetProperty("recorded").GetInt32(), e.GetProperty("duplicates").GetInt32());
}
