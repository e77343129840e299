using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>The outbox on SQLite (the default `run.sh` database): claiming, nonces, prerequisites and crash recovery.</summary>
public sealed class SqliteOutboxTests(SqliteChainFixture chain) : IClassFixture<SqliteChainFixture>
{
    [Fact]
    public async Task Outbox_OnSqlite_RunsPrerequisitesInOrder_AndRecoversFromACrash()
    {
        var assetId = Guid.NewGuid();
        var investor = EthECKey.GenerateKey().GetPublicAddress();
        Guid create, offering, mint;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            create = (await outbox.EnqueueAsync(new CreateAssetOnChain(assetId, chain.Chain.OperatorAddress, 500, 0, null, 0), $"create:{assetId}", CancellationToken.None)).Id;
            offering = (await outbox.EnqueueAfterAsync(new OpenOfferingOnChain(assetId, 1_000_000, 1, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1)), $"offer:{assetId}", create, CancellationToken.None)).Id;
            mint = (await outbox.EnqueueAsync(new MintTestStablecoin(investor, 123), $"mint:{investor}", CancellationToken.None)).Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            Assert.Equal(2, await processor.PrepareAsync(CancellationToken.None)); // the offering waits for the asset
            await processor.BroadcastAsync(CancellationToken.None);
            // Crash here: sent, not confirmed.
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [create, offering, mint]));

        await using var check = chain.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var tokenId = JsonDocument.Parse((await db.ChainOperations.SingleAsync(o => o.Id == create)).Result!).RootElement.GetProperty("assetTokenId").GetInt64();
        var web3 = chain.Chain.Web3;
        Assert.Equal(500, await web3.Eth.GetContractQueryHandler<AvailableFunction>().QueryAsync<BigInteger>(chain.Contracts.PrimarySale, new AvailableFunction { AssetId = tokenId }));
        Assert.Equal(123, await web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>().QueryAsync<BigInteger>(chain.Contracts.TestUsd, new Erc20BalanceOfFunction { Account = investor }));
        var nonces = await db.ChainOperations.Where(o => o.Id == create || o.Id == offering || o.Id == mint).Select(o => o.Nonce).ToListAsync();
        Assert.Equal(3, nonces.Distinct().Count());
    }
}
