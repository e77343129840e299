using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>The outbox against a real anvil and a real PostgreSQL database.</summary>
[Collection(ChainTests.Name)]
public sealed class OutboxTests(ChainFixture chain)
{
    private static string NewAddress() => EthECKey.GenerateKey().GetPublicAddress();

    private async Task<BigInteger> UsdBalanceAsync(string address) =>
        await chain.Chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>()
            .QueryAsync<BigInteger>(chain.Contracts.TestUsd, new Erc20BalanceOfFunction { Account = address });

    private async Task<Guid> EnqueueAsync(ChainCommand command, string? key = null)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
        var enqueued = await outbox.EnqueueAsync(command, key ?? Guid.NewGuid().ToString(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return enqueued.Id;
    }

    private async Task<ChainOperation> RowAsync(Guid id)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task BusinessChangeAndChainOperation_CommitTogether_AndConfirmWithEvidence()
    {
        var investor = NewAddress();
        Guid operationId;
        AssetId assetId;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var asset = Asset.CreateDraft("issuer-outbox", AssetKind.Art, "Outbox test asset", DateTimeOffset.UtcNow).Value;
            db.Assets.Add(asset);
            operationId = (await scope.ServiceProvider.GetRequiredService<IChainOutbox>()
                .EnqueueAsync(new MintTestStablecoin(investor, 1_250_000), $"mint:{investor}", CancellationToken.None)).Id;
            await db.SaveChangesAsync();
            assetId = asset.Id;
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [operationId]));

        var row = await RowAsync(operationId);
        Assert.Equal(ChainOperationStatus.Confirmed, row.Status);
        Assert.Matches("^0x[0-9a-f]{64}$", row.TxHash);
        Assert.True(row.GasUsed > 21_000, "gas used recorded");
        Assert.NotNull(row.BlockNumber);
        Assert.NotNull(row.Nonce);
        Assert.Equal(1_250_000, await UsdBalanceAsync(investor));
        await using var check = chain.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().Assets.AnyAsync(a => a.Id == assetId));
    }

    [Fact]
    public async Task BusinessChangeRolledBack_LeavesNoChainOperation()
    {
        var key = $"rolled-back:{Guid.NewGuid()}";
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(NewAddress(), 1), key, CancellationToken.None);
            db.Assets.Add(Asset.CreateDraft("issuer", AssetKind.Art, "Never saved", DateTimeOffset.UtcNow).Value);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = chain.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AnyAsync(o => o.IdempotencyKey == key));
    }

    [Fact]
    public async Task SameIdempotencyKey_ReturnsTheFirstOperation_AndSendsNothingMore()
    {
        var investor = NewAddress();
        var key = $"faucet:{investor}";
        var first = await EnqueueAsync(new MintTestStablecoin(investor, 500), key);
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [first]));

        Guid second;
        bool existed;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var enqueued = await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(investor, 500), key, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            (second, existed) = (enqueued.Id, enqueued.AlreadyExisted);
        }

        await chain.RunOutboxUntilAsync(_ => Task.FromResult(true));
        Assert.True(existed);
        Assert.Equal(first, second);
        Assert.Equal(500, await UsdBalanceAsync(investor));
    }

    [Fact]
    public async Task CrashAfterSendingBeforeConfirming_NewWorkerConfirms_ExactlyOneEffect()
    {
        var investor = NewAddress();
        var id = await EnqueueAsync(new MintTestStablecoin(investor, 777));
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            Assert.Equal(1, await processor.PrepareAsync(CancellationToken.None));
            Assert.Equal(1, await processor.BroadcastAsync(CancellationToken.None));
            // The worker dies here: the transaction is on chain, the row says Sent, nothing confirmed.
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [id]));
        Assert.Equal(777, await UsdBalanceAsync(investor));
    }

    [Fact]
    public async Task CrashBetweenBroadcastAndBookkeeping_ResendsTheSameBytes_ExactlyOneEffect()
    {
        var investor = NewAddress();
        var id = await EnqueueAsync(new MintTestStablecoin(investor, 901));
        string hash;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            await processor.PrepareAsync(CancellationToken.None);
            await processor.BroadcastAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.ChainOperations.SingleAsync(o => o.Id == id);
            hash = row.TxHash!;
            // Simulate a crash after the node accepted the bytes but before the row was marked Sent.
            row.Status = ChainOperationStatus.Prepared;
            await db.SaveChangesAsync();
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [id]));
        Assert.Equal(hash, (await RowAsync(id)).TxHash);
        Assert.Equal(901, await UsdBalanceAsync(investor));
    }

    [Fact]
    public async Task ChainDownMidOperation_CompletesOnceWhenItIsBack()
    {
        var investor = NewAddress();
        var id = await EnqueueAsync(new MintTestStablecoin(investor, 4242));
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().PrepareAsync(CancellationToken.None));
        }

        await chain.Anvil.StopAsync();
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            Assert.Equal(0, await processor.BroadcastAsync(CancellationToken.None));
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal(ChainOperationStatus.Prepared, row.Status);
            Assert.Contains("unreachable", row.Error, StringComparison.Ordinal);
        }

        await chain.Anvil.StartAsync(CancellationToken.None);
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            // Skip the back-off wait instead of sleeping in the test.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.Where(o => o.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [id]));
        Assert.Equal(4242, await UsdBalanceAsync(investor));
    }

    [Fact]
    public async Task Revert_IsAPermanentFailure_WithTheDecodedCustomError()
    {
        var investor = NewAddress();
        var id = await EnqueueAsync(new RegisterInvestorOnChain(investor, 250, DateTimeOffset.UtcNow.AddDays(-1)));

        await chain.RunOutboxUntilAsync(async db => (await db.ChainOperations.SingleAsync(o => o.Id == id)).Status == ChainOperationStatus.Failed);

        var row = await RowAsync(id);
        Assert.Null(row.TxHash);
        Assert.Contains("ExpiryInPast(account=", row.Error, StringComparison.Ordinal);
        Assert.Contains(investor.ToLowerInvariant(), row.Error!.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryUpdates_AreSentInOneBatchTransaction()
    {
        var investors = Enumerable.Range(0, 5).Select(_ => NewAddress()).ToList();
        var ids = new List<Guid>();
        foreach (var investor in investors)
        {
            ids.Add(await EnqueueAsync(new RegisterInvestorOnChain(investor, 276, DateTimeOffset.UtcNow.AddYears(1))));
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, ids));

        var hashes = new HashSet<string>();
        foreach (var id in ids)
        {
            hashes.Add((await RowAsync(id)).TxHash!);
        }

        Assert.Single(hashes);
        foreach (var investor in investors)
        {
            Assert.True(await chain.Chain.Web3.Eth.GetContractQueryHandler<IsVerifiedFunction>()
                .QueryAsync<bool>(chain.Contracts.Settlement, new IsVerifiedFunction { Account = investor }));
        }
    }

    [Fact]
    public async Task TwoWorkersOnOnePostgresDatabase_SendEachOf200OperationsExactlyOnce()
    {
        var nonceBefore = await chain.Chain.LatestNonceAsync(chain.Chain.OperatorAddress);
        var investors = Enumerable.Range(0, 200).Select(_ => NewAddress()).ToList();
        var ids = new List<Guid>();
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            foreach (var investor in investors)
            {
                ids.Add((await outbox.EnqueueAsync(new MintTestStablecoin(investor, 3), $"two-workers:{investor}", CancellationToken.None)).Id);
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        async Task Worker()
        {
            for (var pass = 0; pass < 200; pass++)
            {
                await using var scope = chain.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);
                if (await ChainFixture.AllConfirmed(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ids))
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Task.Run(Worker), Task.Run(Worker));

        await using var check = chain.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        Assert.All(rows, r => Assert.Equal(ChainOperationStatus.Confirmed, r.Status));
        Assert.Equal(200, rows.Select(r => r.TxHash).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Nonce).Distinct().Count());
        Assert.Equal(nonceBefore + 200, await chain.Chain.LatestNonceAsync(chain.Chain.OperatorAddress));
        foreach (var investor in investors.Take(20))
        {
            Assert.Equal(3, await UsdBalanceAsync(investor));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChainTests : ICollectionFixture<ChainFixture>
{
    public const string Name = "chain";
}
