using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>The admin's chain operations on a real anvil: fee parameters, forced transfer, pause and freeze do what they say.</summary>
[Collection(ChainTests.Name)]
public sealed class ComplianceOnChainTests(ChainFixture chain)
{
    private const byte Ok = 0;
    private const byte AssetPaused = 2;
    private const byte ReceiverFrozen = 6;

    private async Task<Guid> EnqueueAsync(ChainCommand command, Guid? after = null)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
        var key = $"test:{Guid.NewGuid()}";
        var id = (after is { } a ? await outbox.EnqueueAfterAsync(command, key, a, CancellationToken.None) : await outbox.EnqueueAsync(command, key, CancellationToken.None)).Id;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return id;
    }

    private Task<byte> CanTransferAsync(string from, string to, long tokenId) =>
        chain.Chain.Web3.Eth.GetContractQueryHandler<CanTransferFunction>()
            .QueryAsync<byte>(chain.Contracts.AssetToken, new CanTransferFunction { From = from, To = to, Id = tokenId, Amount = 1 });

    [Fact]
    public async Task ForcedTransfer_PauseAndFreeze_AreEnforcedOnChain()
    {
        var alice = EthECKey.GenerateKey().GetPublicAddress();
        var bob = EthECKey.GenerateKey().GetPublicAddress();
        var register = await EnqueueAsync(new RegisterInvestorOnChain(alice, 250, DateTimeOffset.UtcNow.AddYears(1)));
        var registerBob = await EnqueueAsync(new RegisterInvestorOnChain(bob, 250, DateTimeOffset.UtcNow.AddYears(1)));
        var create = await EnqueueAsync(new CreateAssetOnChain(Guid.NewGuid(), chain.Chain.OperatorAddress, 1_000, 0, null, 0));
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [register, registerBob, create]));
        long tokenId;
        await using (var scope = chain.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChainOperations.AsNoTracking().SingleAsync(o => o.Id == create);
            tokenId = ChainResults.Read<AssetCreatedResult>(row.Result)!.AssetTokenId;
        }

        // Recovery: 7 fractions move from the escrow to Alice without a signature, reason kept on chain.
        var moved = await EnqueueAsync(new ForcedTransferOnChain(Guid.NewGuid(), tokenId, chain.Contracts.PrimarySale, alice, 7, "court order 2026/114"));
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [moved]));
        var balance = await chain.Chain.Web3.Eth.GetContractQueryHandler<Erc1155BalanceOfFunction>()
            .QueryAsync<BigInteger>(chain.Contracts.AssetToken, new Erc1155BalanceOfFunction { Account = alice, Id = tokenId });
        Assert.Equal(7, balance);
        Assert.Equal(Ok, await CanTransferAsync(alice, bob, tokenId));

        // Pause: every transfer of the asset is refused; unpause restores them.
        var pause = await EnqueueAsync(new SetAssetPausedOnChain(Guid.NewGuid(), tokenId, true));
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [pause]));
        Assert.Equal(AssetPaused, await CanTransferAsync(alice, bob, tokenId));
        var unpause = await EnqueueAsync(new SetAssetPausedOnChain(Guid.NewGuid(), tokenId, false));
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [unpause]));
        Assert.Equal(Ok, await CanTransferAsync(alice, bob, tokenId));

        // Freeze: Bob can no longer receive.
        var freeze = await EnqueueAsync(new SetFrozenOnChain(bob, true));
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [freeze]));
        Assert.Equal(ReceiverFrozen, await CanTransferAsync(alice, bob, tokenId));
    }

    [Fact]
    public async Task FeeParameters_AreAppliedToTheContractsThatEnforceThem()
    {
        var schedule = Guid.NewGuid();
        var commission = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.PrimaryCommission, 310));
        var trading = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.TradingFeeCap, 45), commission);
        var royalty = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.ResaleRoyaltyCap, 900), trading);
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [commission, trading, royalty]));

        Assert.Equal(310, await chain.Chain.Web3.Eth.GetContractQueryHandler<CommissionBpsFunction>().QueryAsync<int>(chain.Contracts.PrimarySale, new CommissionBpsFunction()));
        Assert.Equal(45, await chain.Chain.Web3.Eth.GetContractQueryHandler<TradingFeeCapBpsFunction>().QueryAsync<int>(chain.Contracts.Settlement, new TradingFeeCapBpsFunction()));

        // Restore the deployment values for the other tests of the collection.
        var restore = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.PrimaryCommission, 250));
        var restoreTrading = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.TradingFeeCap, 100), restore);
        var restoreRoyalty = await EnqueueAsync(new SetFeeParameterOnChain(schedule, FeeParameter.ResaleRoyaltyCap, 1_000), restoreTrading);
        await chain.RunOutboxUntilAsync(db => ChainFixture.AllConfirmed(db, [restore, restoreTrading, restoreRoyalty]));
    }
}
