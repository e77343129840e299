using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>
/// A purchase whose chain operation an admin retries follows what the chain does, through the real use
/// cases (place, settle, retry) on a real anvil and PostgreSQL. The first attempt fails because the
/// investor's on-chain registration is missing (NotVerified), as when that registration failed earlier.
/// </summary>
public abstract class PurchaseRetryScenarios(ChainFixture chain)
{
    private const long Quantity = 10;

    private sealed record Placed(string UserId, string Wallet, long TokenId, Guid PurchaseId, Guid OperationId);

    [Fact]
    public async Task RetriedPurchase_IsInProgressAgain_ThenCompletesWithItsCommission_WhenTheRetryConfirms()
    {
        var placed = await PlaceUnverifiedPurchaseAsync();
        await RunOutboxUntilAsync(placed.OperationId, ChainOperationStatus.Failed);
        await SyncAsync();
        Assert.Equal(PurchaseStatus.Failed, (await PurchaseAsync(placed.PurchaseId)).Status);

        await ConfirmAsync(new RegisterInvestorOnChain(placed.Wallet, 620, DateTimeOffset.UtcNow.AddYears(1)), $"kyc:{placed.Wallet}");
        Assert.True((await RetryAsync(placed.OperationId)).IsSuccess);
        await SyncAsync();
        var inProgress = await PurchaseAsync(placed.PurchaseId);
        await RunOutboxUntilAsync(placed.OperationId, ChainOperationStatus.Confirmed);
        await SyncAsync();

        Assert.Equal(PurchaseStatus.Submitted, inProgress.Status);
        Assert.Null(inProgress.FailureReason);
        var purchase = await PurchaseAsync(placed.PurchaseId);
        Assert.Equal(PurchaseStatus.Confirmed, purchase.Status);
        Assert.Null(purchase.FailureReason);
        Assert.Matches("^0x[0-9a-f]{64}$", purchase.TxHash);
        Assert.Equal([purchase.Commission.MinorUnits], await CommissionsAsync(purchase.AssetId));
        Assert.True(purchase.Commission.MinorUnits > 0);
        await using var scope = chain.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<IInvestorChainReader>();
        Assert.Equal(Quantity, await reader.FractionsAsync(placed.TokenId, placed.Wallet, CancellationToken.None));
        Assert.Equal(1_000_000_000 - purchase.Cost.MinorUnits, await reader.StablecoinBalanceAsync(placed.Wallet, CancellationToken.None));
    }

    [Fact]
    public async Task RetriedPurchase_ThatFailsAgain_IsFailedAgain_AndNothingIsRecorded()
    {
        var placed = await PlaceUnverifiedPurchaseAsync();
        await RunOutboxUntilAsync(placed.OperationId, ChainOperationStatus.Failed);
        await SyncAsync();

        Assert.True((await RetryAsync(placed.OperationId)).IsSuccess);
        await SyncAsync();
        var inProgress = await PurchaseAsync(placed.PurchaseId);
        await RunOutboxUntilAsync(placed.OperationId, ChainOperationStatus.Failed);
        await SyncAsync();

        Assert.Equal(PurchaseStatus.Submitted, inProgress.Status);
        var purchase = await PurchaseAsync(placed.PurchaseId);
        Assert.Equal(PurchaseStatus.Failed, purchase.Status);
        Assert.Contains("not verified on chain", purchase.FailureReason, StringComparison.Ordinal);
        Assert.Empty(await CommissionsAsync(purchase.AssetId));
    }

    /// <summary>
    /// A live asset on chain (1,000 fractions at 50.00, offering open), an investor approved in the
    /// database with a funded wallet and the sale permit confirmed, but not registered on chain; then
    /// the investor places a purchase of <see cref="Quantity"/> fractions through the use case.
    /// </summary>
    private async Task<Placed> PlaceUnverifiedPurchaseAsync()
    {
        var userId = $"investor-{Guid.NewGuid():N}";
        string wallet;
        Asset asset;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            wallet = await scope.ServiceProvider.GetRequiredService<IWalletService>().EnsureWalletAsync(userId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var create = await ConfirmAsync(new CreateAssetOnChain(Guid.NewGuid(), chain.Chain.OperatorAddress, 1_000, 200, null, 0), $"create:{userId}");
        var tokenId = ChainResults.Read<AssetCreatedResult>((await OperationAsync(create)).Result)!.AssetTokenId;
        var permit = await ConfirmAsync(new AllowSaleSpendingOnChain(userId, wallet), $"permit:{userId}");
        await ConfirmAsync(new MintTestStablecoin(wallet, 1_000_000_000), $"faucet:{userId}");
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            asset = TestAssets.LiveArt("issuer-retry", tokenId, offeringOpened: false);
            var kyc = KycApplication.Submit(userId, "Ivy Investor", Countries.Find("PT")!, new DateOnly(1990, 1, 1),
                new KycDocument("id.pdf", "application/pdf", "k", new string('b', 64)), DateTimeOffset.UtcNow);
            kyc.Approve("admin", Guid.NewGuid(), permit, DateTimeOffset.UtcNow);
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Assets.Add(asset);
            scope.ServiceProvider.GetRequiredService<IInvestorStore>().AddKyc(kyc);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var now = DateTimeOffset.UtcNow;
        await ConfirmAsync(new OpenOfferingOnChain(asset.Id.Value, 50_000_000, 2, now.AddMinutes(-1), now.AddDays(30)), OperationKeys.AssetOffering(asset.Id), create);

        await using var placing = chain.Services.CreateAsyncScope();
        var services = placing.ServiceProvider;
        // The chain sync records the opening on the asset; purchases read it from there.
        await new SyncAssetsWithChainHandler(services.GetRequiredService<IAssetRepository>(), services.GetRequiredService<IChainOutbox>(), services.GetRequiredService<IChainMonitor>(),
            services.GetRequiredService<IUnitOfWork>(), TimeProvider.System).Handle(new SyncAssetsWithChain(), CancellationToken.None);
        Assert.NotNull((await services.GetRequiredService<IAssetRepository>().FindAsync(asset.Id, CancellationToken.None))!.OfferingOpenedAt);
        var loader = new PurchaseContextLoader(services.GetRequiredService<IAssetRepository>(), services.GetRequiredService<IInvestorStore>(),
            services.GetRequiredService<IWalletService>(), services.GetRequiredService<IInvestorChainReader>(), TimeProvider.System);
        var fees = services.GetRequiredService<IFeeScheduleRepository>();
        var quote = await new QuotePurchaseHandler(loader, fees, TimeProvider.System).Handle(new QuotePurchase(userId, asset.Id, Quantity), CancellationToken.None);
        var purchase = await new PlacePurchaseHandler(loader, services.GetRequiredService<IInvestorStore>(), fees, services.GetRequiredService<IChainOutbox>(),
                services.GetRequiredService<IUnitOfWork>(), TimeProvider.System)
            .Handle(new PlacePurchase(userId, asset.Id, Quantity, quote.Value.FeeScheduleId), CancellationToken.None);
        Assert.True(purchase.IsSuccess, string.Join("; ", purchase.Error?.Fields.Select(f => f.Message) ?? []));
        var operationId = (await services.GetRequiredService<IInvestorStore>().FindPurchaseAsync(purchase.Value.Id, CancellationToken.None))!.OperationId;
        return new Placed(userId, wallet, tokenId, purchase.Value.Id, operationId);
    }

    private async Task<Guid> ConfirmAsync(ChainCommand command, string key, Guid? after = null)
    {
        Guid id;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            id = (after is { } first
                ? await outbox.EnqueueAfterAsync(command, key, first, CancellationToken.None)
                : await outbox.EnqueueAsync(command, key, CancellationToken.None)).Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await RunOutboxUntilAsync(id, ChainOperationStatus.Confirmed);
        return id;
    }

    private Task RunOutboxUntilAsync(Guid id, ChainOperationStatus status) =>
        chain.RunOutboxUntilAsync(async db => await db.ChainOperations.AnyAsync(o => o.Id == id && o.Status == status));

    /// <summary>One pass of the purchase settlement, as the chain sync worker runs it.</summary>
    private async Task SyncAsync()
    {
        await using var scope = chain.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await new SyncPurchasesWithChainHandler(services.GetRequiredService<IInvestorStore>(), services.GetRequiredService<IChainOutbox>(),
            services.GetRequiredService<IPlatformRevenue>(), services.GetRequiredService<IUnitOfWork>(), TimeProvider.System).Handle(new SyncPurchasesWithChain(), CancellationToken.None);
    }

    /// <summary>The admin's retry, through its use case (operations console and asset page).</summary>
    private async Task<Result<Guid>> RetryAsync(Guid operationId)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new RetryChainOperationHandler(services.GetRequiredService<IChainMonitor>(), services.GetRequiredService<IAuditLog>(),
            services.GetRequiredService<IUnitOfWork>(), TimeProvider.System).Handle(new RetryChainOperation(operationId, "admin"), CancellationToken.None);
    }

    private async Task<Purchase> PurchaseAsync(Guid id)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IInvestorStore>().FindPurchaseAsync(id, CancellationToken.None))!;
    }

    private async Task<ChainOperationView> OperationAsync(Guid id)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IChainOutbox>().FindAsync(id, CancellationToken.None))!;
    }

    private async Task<List<long>> CommissionsAsync(AssetId assetId)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IPlatformRevenue>().EntriesAsync(CancellationToken.None))
            .Where(e => e.Kind == PlatformRevenueEntry.PrimaryCommissionKind && e.AssetId == assetId.Value).Select(e => e.Amount.MinorUnits).ToList();
    }
}

[Collection(ChainTests.Name)]
public sealed class PurchaseRetryTests(ChainFixture chain) : PurchaseRetryScenarios(chain);

/// <summary>The same on SQLite, the default database (the settlement query compares operation and purchase times there too).</summary>
public sealed class SqlitePurchaseRetryTests(SqliteChainFixture chain) : PurchaseRetryScenarios(chain), IClassFixture<SqliteChainFixture>;
