using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Infrastructure.Wallets;

namespace TokenPlatform.Infrastructure.Tests.Chain;

[Collection(ChainTests.Name)]
public sealed class WalletAndIndexerTests(ChainFixture chain)
{
    [Fact]
    public async Task Wallet_IsCreatedOnce_KeyEncryptedAtRest_AndUnlocksToItsAddress()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        string address;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var wallets = scope.ServiceProvider.GetRequiredService<IWalletService>();
            address = await wallets.EnsureWalletAsync(userId, CancellationToken.None);
            Assert.Equal(address, await wallets.EnsureWalletAsync(userId, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await using var check = chain.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().CustodialWallets.AsNoTracking().SingleAsync(w => w.UserId == userId);
        var key = await check.ServiceProvider.GetRequiredService<WalletService>().UnlockForSigning(userId, CancellationToken.None);
        Assert.Equal(address, key.GetPublicAddress());
        Assert.DoesNotContain(key.GetPrivateKey().Replace("0x", "", StringComparison.Ordinal), stored.ProtectedKey, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^0x[0-9a-fA-F]{40}$", stored.Address);
    }

    [Fact]
    public async Task PayoutAddress_IsAcceptedOnlyWithASignatureByThatAddress()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var external = EthECKey.GenerateKey();
        var impostor = EthECKey.GenerateKey();
        await using var scope = chain.Services.CreateAsyncScope();
        var wallets = scope.ServiceProvider.GetRequiredService<IWalletService>();
        await wallets.EnsureWalletAsync(userId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        var challenge = wallets.PayoutChallenge(userId, external.GetPublicAddress());
        var signer = new EthereumMessageSigner();

        var forged = await wallets.RegisterPayoutAddressAsync(userId, external.GetPublicAddress(), signer.EncodeUTF8AndSign(challenge, impostor), CancellationToken.None);
        var garbage = await wallets.RegisterPayoutAddressAsync(userId, external.GetPublicAddress(), "0x1234", CancellationToken.None);
        var genuine = await wallets.RegisterPayoutAddressAsync(userId, external.GetPublicAddress(), signer.EncodeUTF8AndSign(challenge, external), CancellationToken.None);

        Assert.Contains(forged.Error!.Fields, f => f.Field == "Signature");
        Assert.False(garbage.IsSuccess);
        Assert.True(genuine.IsSuccess);
        Assert.Equal(external.GetPublicAddress(), genuine.Value.PayoutAddress);
    }

    [Fact]
    public async Task Indexer_FollowsTransfers_ReconcilerFindsZeroMismatches_ThenReportsAnInjectedOne()
    {
        // Two verified investors with keys the test controls; an asset minted to the first.
        var alice = EthECKey.GenerateKey();
        var bob = EthECKey.GenerateKey();
        var ids = new List<Guid>();
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            foreach (var key in new[] { alice, bob })
            {
                ids.Add((await outbox.EnqueueAsync(new RegisterInvestorOnChain(key.GetPublicAddress(), 250, DateTimeOffset.UtcNow.AddYears(1)), $"kyc:{key.GetPublicAddress()}", CancellationToken.None)).Id);
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, ids));
        var create = await chain.Chain.Web3.Eth.GetContractTransactionHandler<CreateAssetFunction>().SendRequestAndWaitForReceiptAsync(
            chain.Contracts.AssetToken,
            new CreateAssetFunction { Terms = new AssetTermsTuple { Issuer = chain.Chain.OperatorAddress, Holder = alice.GetPublicAddress(), Supply = 1_000 } });
        var assetId = (long)create.DecodeAllEvents<AssetCreatedEvent>().Single().Event.Id;
        await chain.FundAsync(alice.GetPublicAddress());
        var aliceWeb3 = new Web3(new Account(alice, chain.Chain.Options.ChainId), chain.Chain.Options.RpcUrl);
        await aliceWeb3.Eth.GetContractTransactionHandler<Erc1155SafeTransferFromFunction>().SendRequestAndWaitForReceiptAsync(
            chain.Contracts.AssetToken,
            new Erc1155SafeTransferFromFunction { From = alice.GetPublicAddress(), To = bob.GetPublicAddress(), Id = assetId, Value = 125 });

        await using var scope2 = chain.Services.CreateAsyncScope();
        var indexer = scope2.ServiceProvider.GetRequiredService<EventIndexer>();
        while (await indexer.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var db = scope2.ServiceProvider.GetRequiredService<AppDbContext>();
        var holdings = await db.AssetHoldings.AsNoTracking().Where(h => h.AssetTokenId == assetId).ToListAsync();
        Assert.Equal(875m, holdings.Single(h => h.Address == alice.GetPublicAddress()).Balance);
        Assert.Equal(125m, holdings.Single(h => h.Address == bob.GetPublicAddress()).Balance);

        var reconciler = scope2.ServiceProvider.GetRequiredService<Reconciler>();
        var clean = await reconciler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(clean.Mismatches);
        Assert.True(clean.Checked >= 2);

        await db.AssetHoldings.Where(h => h.AssetTokenId == assetId && h.Address == bob.GetPublicAddress())
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Balance, 126m));
        var dirty = await reconciler.RunOnceAsync(CancellationToken.None);

        var mismatch = Assert.Single(dirty.Mismatches);
        Assert.Equal((assetId, bob.GetPublicAddress(), 126m, 125m), (mismatch.AssetTokenId, mismatch.Address, mismatch.Database, mismatch.Chain));
        Assert.Same(dirty, scope2.ServiceProvider.GetRequiredService<ReconciliationState>().Latest);
        await db.AssetHoldings.Where(h => h.AssetTokenId == assetId && h.Address == bob.GetPublicAddress())
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Balance, 125m));
    }

    [Fact]
    public async Task Logs_NeverContainAPrivateKey()
    {
        // Exercise the paths that touch keys: wallet creation and unlock, signing and sending.
        var userId = $"user-{Guid.NewGuid():N}";
        await using var scope = chain.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWalletService>().EnsureWalletAsync(userId, CancellationToken.None);
        var id = (await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(EthECKey.GenerateKey().GetPublicAddress(), 1), $"log-scan:{userId}", CancellationToken.None)).Id;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [id]));
        var walletKey = (await scope.ServiceProvider.GetRequiredService<WalletService>().UnlockForSigning(userId, CancellationToken.None)).GetPrivateKey();
        var operatorKey = GetOperatorKey();

        var logs = string.Join('\n', chain.Logs);
        Assert.NotEmpty(chain.Logs);
        foreach (var secret in new[] { walletKey, operatorKey })
        {
            var hex = secret.Replace("0x", "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hex, logs, StringComparison.OrdinalIgnoreCase);
        }

        // Any 64-hex-digit run in the logs must be a known public value (a transaction or block hash).
        var hashes = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.Select(o => o.TxHash).ToListAsync();
        var suspicious = System.Text.RegularExpressions.Regex.Matches(logs, "(?<![0-9a-fA-F])(0x)?[0-9a-fA-F]{64}(?![0-9a-fA-F])")
            .Select(m => m.Value.StartsWith("0x", StringComparison.Ordinal) ? m.Value : "0x" + m.Value)
            .Where(v => !hashes.Contains(v.ToLowerInvariant()))
            .ToList();
        Assert.Empty(suspicious);
    }

    private string GetOperatorKey()
    {
        var key = chain.Services.GetRequiredService<OperatorKey>();
        var property = typeof(OperatorKey).GetProperty("Key", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        return ((EthECKey)property.GetValue(key)!).GetPrivateKey();
    }
}
