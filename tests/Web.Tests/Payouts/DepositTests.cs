using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Indexing;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>
/// Royalties paid to an asset's deposit address are recorded and distributed with no user action
/// (Blue Horse: creator 15%, holders 85%), on a real anvil and PostgreSQL.
/// </summary>
[Collection(PayoutChain.Name)]
public sealed class DepositTests(PayoutChainFactory app) : PayoutScenario(app)
{
    [Fact]
    public async Task ADepositToTheAssetsAddress_IsRecordedOnce_AndPaidOutByTheWaterfall_WithNoUserAction()
    {
        var asset = await App.AssetAsync("Blue Horse (study)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var creatorWallet = await App.WalletAsync(await App.UserIdAsync("creator@demo.local"));
        Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, "10")))).IsSuccess);
        Assert.Equal("MinimumAmount", (await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, "2000000000000")))).Error!.Fields[0].Field);
        DepositAddressView? deposit = null;
        await App.EventuallyAsync(async () =>
        {
            var view = await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)));
            deposit = view.IsSuccess ? view.Value : null;
            return deposit is { Ready: true };
        }, "the asset's deposit address on chain");

        // An outside account (a label) pays 250 USD of royalties by a plain transfer.
        var stranger = App.Stranger();
        var payer = stranger.TransactionManager.Account.Address;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(payer, 1_000_000_000), $"test:mint:{Guid.NewGuid()}", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Domain.Common.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            await ConfirmedAsync(op.Id, "payer funded");
        }

        var pool = await PoolAsync(asset);
        var creatorBefore = await App.UsdBalanceAsync(creatorWallet);
        var treasuryBefore = await App.UsdBalanceAsync(App.Chain.OperatorAddress);
        var known = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Select(x => x.Id).ToHashSet();
        var contracts = await App.ContractsAsync();
        var receipt = await stranger.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new Erc20TransferFunction { To = deposit!.Address, Value = 250_000_000 });
        Assert.Equal(1, (int)receipt.Status.Value);

        Distribution? paid = null;
        await App.EventuallyAsync(async () =>
        {
            var all = await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)));
            paid = all.FirstOrDefault(d => !known.Contains(d.Id) && d.FunderUserId == DistributionExecutor.PlatformFunder && d.Status == DistributionStatus.Completed);
            return paid is not null;
        }, "the automatic distribution of the deposit");

        var d = await DistributionAsync(paid!.Id);
        Assert.Equal(250_000_000, d.Gross.MinorUnits);
        Assert.Equal(d.Gross, d.FromDeposits);
        await StatementNamesTheStepsAsync(d.Id, DistributionSteps.Payout, DistributionSteps.Payout, DistributionSteps.Payout);
        Assert.Equal(creatorBefore + Line(d, creatorWallet), await App.UsdBalanceAsync(creatorWallet));
        Assert.Equal(treasuryBefore + (d.DistributionFee + d.ManagementFee).MinorUnits, await App.UsdBalanceAsync(App.Chain.OperatorAddress));
        var after = await PoolAsync(asset);
        Assert.Equal(pool.Funded + d.HoldersShare, after.Funded);
        Assert.Equal(d.MerkleRoot, after.Root);
        Assert.Equal(0, await App.UsdBalanceAsync(deposit.Address));

        // The same transfer read again (the deposit cursor rewound, as after a restore) is recorded once.
        var reference = RevenueReceiver.DepositReference(receipt.TransactionHash, 0);
        async Task<int> DepositsAsync() => await App.WithDbAsync(db => db.Set<RevenueEvent>().CountAsync(e => e.AssetId == asset.Id && e.Channel == RevenueChannel.Deposit));
        var recorded = await DepositsAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<RevenueEvent>().CountAsync(e => e.AssetId == asset.Id && e.ExternalReference.StartsWith("deposit:" + receipt.TransactionHash.ToLowerInvariant()))));
        await App.WithDbAsync(async db => await db.ChainCursors.Where(c => c.Name == DepositIndexer.CursorName).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastBlock, (long)receipt.BlockNumber.Value - 1)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DepositIndexer>().RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(recorded, await DepositsAsync());

        Assert.Equal(1, await App.WithDbAsync(db => db.Set<RevenueEvent>().CountAsync(e => e.AssetId == asset.Id && e.ExternalReference == reference)));
        Assert.Equal("Reference", (await RecordAsync(issuer, asset, "deposit:0xabc:1", "5")).Error!.Fields[0].Field);

        // A deposit under the policy's minimum is recorded and waits.
        receipt = await stranger.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new Erc20TransferFunction { To = deposit.Address, Value = 5_000_000 });
        await App.EventuallyAsync(async () => await DepositsAsync() == recorded + 1, "the small deposit recorded");
        for (var i = 0; i < 5; i++)
        {
            await App.PumpOnceAsync();
        }

        Assert.Single(await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))), x => !known.Contains(x.Id) && x.FunderUserId == DistributionExecutor.PlatformFunder);
        Assert.Equal(5_000_000, await App.UsdBalanceAsync(deposit.Address));
        // A deposit waiting for its run cannot be voided: its money is on chain, at the address.
        var waiting = await App.WithDbAsync(db => db.Set<RevenueEvent>().AsNoTracking()
            .SingleAsync(e => e.AssetId == asset.Id && e.ExternalReference == RevenueReceiver.DepositReference(receipt.TransactionHash, 0)));
        Assert.Equal("revenue.deposit", (await App.SendAsync(async s => await s.Send(new VoidRevenue(issuer, asset.Id, waiting.Id, "typo")))).Error!.Code);
        Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Manual, null)))).IsSuccess);
        var audit = await App.SendAsync(async s => await s.Send(new Domain.Compliance.SearchAuditLog(new Domain.Compliance.AuditFilter(AssetId: asset.Id.Value))));
        Assert.Contains(audit, a => a.Action == Domain.Compliance.AuditActions.DistributionPolicy);
    }

    [Fact]
    public async Task DueDistributions_RunOncePerAsset_WhenTwoInstancesDecideAtTheSameTime_AndShareOneTransaction()
    {
        var assets = new[] { await App.AssetAsync("12 Rue des Lilas, Lyon"), await App.AssetAsync("Blue Horse (study)") };
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var stranger = App.Stranger();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(stranger.TransactionManager.Account.Address, 200_000_000), $"test:mint:{Guid.NewGuid()}", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Domain.Common.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            await ConfirmedAsync(op.Id, "payer funded");
        }

        var before = new Dictionary<Domain.Assets.AssetId, HashSet<Guid>>();
        foreach (var asset in assets)
        {
            await App.EventuallyAsync(async () => (await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)))) is { IsSuccess: true, Value.Ready: true },
                "the asset's deposit address on chain");
            var deposit = (await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)))).Value;
            var receipt = await stranger.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
                .SendRequestAndWaitForReceiptAsync((await App.ContractsAsync()).TestUsd, new Erc20TransferFunction { To = deposit.Address, Value = 100_000_000 });
            Assert.Equal(1, (int)receipt.Status.Value);
            // The indexers catch up (deposit recorded, holdings known up to now) while the policy is still manual.
            await App.EventuallyAsync(async () => await App.WithDbAsync(db => db.Set<RevenueEvent>()
                .AnyAsync(e => e.AssetId == asset.Id && e.ExternalReference.StartsWith("deposit:" + receipt.TransactionHash.ToLowerInvariant()))), "the deposit recorded");
            before[asset.Id] = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Select(d => d.Id).ToHashSet();
        }

        await App.PumpOnceAsync();
        try
        {
            foreach (var asset in assets)
            {
                Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, null)))).IsSuccess);
            }

            // Two app instances' sync workers decide at the same moment (two scopes, two connections).
            var started = await Task.WhenAll(App.SendAsync(async s => await s.Send(new RunDueDistributions())), App.SendAsync(async s => await s.Send(new RunDueDistributions())));
            Assert.Equal(2, started.Sum());
            var runs = new List<Guid>();
            foreach (var asset in assets)
            {
                var added = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Where(d => !before[asset.Id].Contains(d.Id)).ToList();
                runs.Add(Assert.Single(added).Id);
            }

            foreach (var id in runs)
            {
                await UntilStatusAsync(id, DistributionStatus.Completed);
            }

            // Both assets' payouts went out in one transaction on the payout router.
            var payouts = new List<Infrastructure.Chain.Outbox.ChainOperation>();
            foreach (var id in runs)
            {
                payouts.Add((await App.StepsAsync(id)).Single(o => o.IdempotencyKey == OperationKeys.DistributionStep(id, DistributionSteps.Payout)));
            }

            Assert.All(payouts, p => Assert.Equal(ExecutePayoutOnChain.KindName, p.Kind));
            Assert.Single(payouts.Select(p => p.TxHash).Distinct());
            Assert.Equal(0, await App.SendAsync(async s => await s.Send(new RunDueDistributions())));
        }
        finally
        {
            foreach (var asset in assets)
            {
                Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Manual, null)))).IsSuccess);
            }
        }
    }

    [Fact]
    public async Task AManualRun_PaysDepositsAndWalletRevenueTogether_InTheWaterfallsOrder()
    {
        var asset = await App.AssetAsync("12 Rue des Lilas, Lyon");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        const string manager = "0x7777777777777777777777777777777777777777";
        await App.EventuallyAsync(async () => (await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)))) is { IsSuccess: true, Value.Ready: true },
            "the asset's deposit address on chain");
        var deposit = (await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)))).Value;
        var stranger = App.Stranger();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(stranger.TransactionManager.Account.Address, 50_000_000), $"test:mint:{Guid.NewGuid()}", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Domain.Common.IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            await ConfirmedAsync(op.Id, "payer funded");
        }

        var receipt = await stranger.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
            .SendRequestAndWaitForReceiptAsync((await App.ContractsAsync()).TestUsd, new Erc20TransferFunction { To = deposit.Address, Value = 50_000_000 });
        Assert.Equal(1, (int)receipt.Status.Value);
        Assert.True((await RecordAsync(issuer, asset, $"LY-MIXED-{Guid.NewGuid():N}"[..20], "70")).IsSuccess);
        await FundAsync(issuer);
        await App.EventuallyAsync(async () => (await PreviewAsync(issuer, asset)).FromDeposits.MinorUnits == 50_000_000, "the deposit in the preview");
        var plan = await PreviewAsync(issuer, asset);
        Assert.Equal(120_000_000, plan.Result.Gross.MinorUnits);
        var pool = await PoolAsync(asset);
        var managerBefore = await App.UsdBalanceAsync(manager);
        var treasuryBefore = await App.UsdBalanceAsync(App.Chain.OperatorAddress);
        var id = (await RunAsync(issuer, asset, plan)).Value;

        // The funder's permit (already on chain from earlier runs, or new) heads the chain; the release comes before anything that needs its money.
        var steps = await App.StepsAsync(id);
        var release = steps.Single(o => o.IdempotencyKey == OperationKeys.DistributionStep(id, DistributionSteps.ReleaseDeposit));
        var byId = steps.ToDictionary(o => o.Id);
        foreach (var step in steps.Where(o => o.Id != release.Id))
        {
            var walk = step;
            while (walk.DependsOn is { } before && byId.TryGetValue(before, out var previous) && previous.Id != release.Id)
            {
                walk = previous;
            }

            Assert.Equal(release.Id, walk.DependsOn);
        }
        await UntilStatusAsync(id, DistributionStatus.Completed);
        var d = await DistributionAsync(id);
        Assert.Equal(50_000_000, d.FromDeposits.MinorUnits);
        Assert.Equal(pool.Funded + d.HoldersShare, (await PoolAsync(asset)).Funded);
        Assert.Equal(managerBefore + Line(d, manager), await App.UsdBalanceAsync(manager));
        Assert.Equal(treasuryBefore + (d.DistributionFee + d.ManagementFee).MinorUnits, await App.UsdBalanceAsync(App.Chain.OperatorAddress));
        Assert.Equal(0, await App.UsdBalanceAsync(deposit.Address));
    }
}
