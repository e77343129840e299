using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>Operations that wait for each other: an asset is created, then its document, offering and split follow.</summary>
[Collection(ChainTests.Name)]
public sealed class AssetCreationTests(ChainFixture chain)
{
    [Fact]
    public async Task CreateAsset_ThenDocumentOfferingAndStream_RunInOrder_AndMatchTheChain()
    {
        var assetId = Guid.NewGuid();
        var sha = SHA256.HashData("title deed, 12 Rue des Lilas"u8.ToArray()).ToHex(true);
        var payees = new[] { EthECKey.GenerateKey().GetPublicAddress(), EthECKey.GenerateKey().GetPublicAddress() };
        Guid create, anchor, offering, stream;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            create = (await outbox.EnqueueAsync(new CreateAssetOnChain(assetId, chain.Chain.OperatorAddress, 10_000, 1_000, null, 500), $"create:{assetId}", CancellationToken.None)).Id;
            // Enqueued before the asset exists on chain: they wait for it.
            anchor = (await outbox.EnqueueAfterAsync(new AnchorDocumentOnChain(assetId, "Title deed", "https://docs.example/deed.pdf", sha), $"doc:{assetId}", create, CancellationToken.None)).Id;
            offering = (await outbox.EnqueueAfterAsync(new OpenOfferingOnChain(assetId, 50_000_000, 10, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30)), $"offer:{assetId}", create, CancellationToken.None)).Id;
            stream = (await outbox.EnqueueAsync(new CreateRoyaltyStreamOnChain(assetId, payees, [6_000, 4_000]), $"stream:{assetId}", CancellationToken.None)).Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [create, anchor, offering, stream]));

        await using var check = chain.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AsNoTracking()
            .Where(o => o.Id == create || o.Id == anchor || o.Id == offering || o.Id == stream).ToDictionaryAsync(o => o.Id);
        var tokenId = JsonDocument.Parse(rows[create].Result!).RootElement.GetProperty("assetTokenId").GetInt64();
        Assert.True(JsonDocument.Parse(rows[stream].Result!).RootElement.GetProperty("streamId").GetInt64() > 0);
        Assert.True(rows[anchor].Nonce > rows[create].Nonce, "the document waited for the asset");
        Assert.True(rows[offering].BlockNumber >= rows[create].BlockNumber);

        var web3 = chain.Chain.Web3;
        var supply = await web3.Eth.GetContractQueryHandler<TotalSupplyFunction>().QueryAsync<BigInteger>(chain.Contracts.AssetToken, new TotalSupplyFunction { Id = tokenId });
        var document = await web3.Eth.GetContractQueryHandler<DocumentAtFunction>()
            .QueryDeserializingToObjectAsync<DocumentAtOutput>(new DocumentAtFunction { Id = tokenId, Index = 0 }, chain.Contracts.AssetToken);
        var available = await web3.Eth.GetContractQueryHandler<AvailableFunction>().QueryAsync<BigInteger>(chain.Contracts.PrimarySale, new AvailableFunction { AssetId = tokenId });
        Assert.Equal(10_000, supply);
        Assert.Equal(sha, document.Document.Sha256Hash.ToHex(true));
        Assert.Equal("Title deed", document.Document.Name);
        Assert.Equal(10_000, available);
    }

    [Fact]
    public async Task FailedPrerequisite_FailsTheOperationsWaitingForIt()
    {
        var assetId = Guid.NewGuid();
        Guid create, anchor;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
            // 50% resale royalty is above the contract's cap: the creation is rejected.
            create = (await outbox.EnqueueAsync(new CreateAssetOnChain(assetId, chain.Chain.OperatorAddress, 100, 0, null, 5_000), $"create:{assetId}", CancellationToken.None)).Id;
            anchor = (await outbox.EnqueueAfterAsync(new AnchorDocumentOnChain(assetId, "Deed", "", new string('a', 64)), $"doc:{assetId}", create, CancellationToken.None)).Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await chain.RunOutboxUntilAsync(async db =>
            await db.ChainOperations.CountAsync(o => (o.Id == create || o.Id == anchor) && o.Status == ChainOperationStatus.Failed) == 2);

        await using var check = chain.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = await db.ChainOperations.SingleAsync(o => o.Id == create);
        Assert.Contains("RoyaltyAboveCap(royaltyBps=5000, capBps=1000)", created.Error, StringComparison.Ordinal);
        Assert.Equal(("RoyaltyAboveCap", ChainFailure.Other), (created.FailureCode, created.ToView().Failure));
        var anchored = await db.ChainOperations.SingleAsync(o => o.Id == anchor);
        Assert.Equal("the operation it depends on failed", anchored.Error);
        Assert.Equal(ChainFailure.DependencyFailed, anchored.ToView().Failure);
    }
}
