using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Web.Tests;

/// <summary>GET /api/v1/statements/{year}.csv on the real app and PostgreSQL: a payee's lines are found whatever the letter case of the stored address.</summary>
public sealed class YearlyStatementTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static readonly DateTimeOffset PaidAt = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<string> CreatorWalletAsync()
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IWalletService>().FindAsync(await UserIdAsync("creator@demo.local"), CancellationToken.None))!.Address;
    }

    /// <summary>A live asset whose split names <paramref name="payeeAddress"/> as typed (holders take the rest).</summary>
    private async Task<Asset> AssetPayingAsync(long tokenId, string payeeAddress)
    {
        using var scope = factory.Services.CreateScope();
        var asset = TestAssets.LiveArt(await UserIdAsync("issuer@demo.local"), tokenId, [new SplitPayee("Creator", PayeeRole.Artist, payeeAddress, 10_000)], 0);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(asset);
        await db.SaveChangesAsync();
        return asset;
    }

    /// <summary>A distribution whose payee line carries <paramref name="lineAddress"/> exactly as given (as an earlier run stored it).</summary>
    private async Task DistributeAsync(Asset asset, string lineAddress, long gross)
    {
        var payee = asset.Split!.Payees[0];
        var input = new DistributionInput(Units(gross), 0, 0, Money.Zero, PaidAt.AddDays(-30), PaidAt, Money.Zero, [new PayeeShare(payee.Label, lineAddress, payee.Bps)], 0, []);
        var result = DistributionCalculator.Compute(input).Value;
        var lines = new List<DistributionLine>
        {
            new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, result.DistributionFee),
            new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, result.ManagementFee),
        };
        lines.AddRange(result.Payees.Select((p, i) => new DistributionLine(2 + i, DistributionLineKind.Payee, p.Label, p.Address, p.Bps, null, p.Amount)));
        var distribution = new Distribution(Guid.CreateVersion7(), asset.Id, asset.OnChainTokenId!.Value, PaidAt, input, result, Guid.NewGuid(), asset.IssuerId,
            "0x" + new string('9', 40), "0x" + new string('0', 64), Money.Zero, lines, PaidAt);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(distribution);
        await db.SaveChangesAsync();
    }

    private async Task<string> StatementAsync()
    {
        using var client = await factory.LoggedInAsync("creator@demo.local");
        using var response = await client.GetAsync(new Uri("/api/v1/statements/2026.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Statement_ListsAPayeeLineStoredWithTheAddressInLowerCase()
    {
        var wallet = await CreatorWalletAsync();
        var asset = await AssetPayingAsync(401, wallet);

        await DistributeAsync(asset, wallet.ToLowerInvariant(), 4_010_000);

        Assert.Contains(",401,payee: Creator,10000 bps,4010000,", await StatementAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_ListsThePayeeLinesOfASplitTypedInLowerCase()
    {
        var wallet = await CreatorWalletAsync();
        var asset = await AssetPayingAsync(402, wallet.ToLowerInvariant());

        await DistributeAsync(asset, asset.Split!.Payees[0].Address, 4_020_000);

        Assert.Contains(",402,payee: Creator,10000 bps,4020000,", await StatementAsync(), StringComparison.Ordinal);
    }
}
