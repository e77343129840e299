using TokenPlatform.Domain.Chain;
using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>
/// Night Drive (creator 30%, producer 10%, holders 60%) on a real anvil and PostgreSQL: whatever
/// outsiders, payees and frozen addresses do between the steps, money ends where the waterfall says.
/// </summary>
[Collection(PayoutChain.Name)]
public sealed class OutsiderAndPayeeTests(PayoutChainFactory app) : PayoutScenario(app)
{
    private const string Producer = "0x8888888888888888888888888888888888888888";

    [Fact]
    public async Task Distribution_EndsExactlyAsTheWaterfall_WhenOutsidersPayeesAndFreezesActBetweenSteps()
    {
        var asset = await App.AssetAsync("Night Drive (master)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var creator = await App.UserIdAsync("creator@demo.local");
        var issuerWallet = await App.WalletAsync(issuer);
        var creatorWallet = await App.WalletAsync(creator);

        // A payee's events count only once the issuer confirms them; a fake one is voided.
        Assert.True((await RecordAsync(creator, asset, "ND-CREATOR-1", "100")).IsSuccess);
        Assert.True((await RecordAsync(creator, asset, "ND-FAKE", "1000000000")).IsSuccess);
        var revenue = (await App.SendAsync(async s => await s.Send(new GetAssetRevenue(issuer, asset.Id)))).Value;
        Assert.Equal(0, revenue.UndistributedEvents);
        Assert.Equal(2, revenue.AwaitingConfirmation.Count);
        var real = revenue.AwaitingConfirmation.Single(e => e.ExternalReference == "ND-CREATOR-1").Id;
        // The issuer's own line with a reference a payee's unconfirmed event holds is refused, not taken for a duplicate.
        Assert.Equal("Reference", (await RecordAsync(issuer, asset, "ND-CREATOR-1", "5")).Error!.Fields[0].Field);
        var fake = revenue.AwaitingConfirmation.Single(e => e.ExternalReference == "ND-FAKE").Id;
        Assert.False((await App.SendAsync(async s => await s.Send(new ReviewRevenue(creator, asset.Id, [real], true, null)))).IsSuccess);
        Assert.Equal(1, (await App.SendAsync(async s => await s.Send(new ReviewRevenue(issuer, asset.Id, [real], true, null)))).Value);
        Assert.Equal("Reason", (await App.SendAsync(async s => await s.Send(new VoidRevenue(issuer, asset.Id, fake, " ")))).Error!.Fields[0].Field);
        Assert.True((await App.SendAsync(async s => await s.Send(new VoidRevenue(issuer, asset.Id, fake, "not on any statement")))).IsSuccess);
        Assert.True((await RecordAsync(issuer, asset, "ND-ISSUER-1", "900")).IsSuccess);
        var audit = await App.SendAsync(async s => await s.Send(new SearchAuditLog(new AuditFilter(AssetId: asset.Id.Value))));
        Assert.Contains(audit, a => a.Action == AuditActions.RevenueVoid && a.Reason == "not on any statement");

        await FundAsync(issuer);
        // Other tests may have paid this asset out before (e.g. automatically): what changes is compared.
        var producerBefore = await App.UsdBalanceAsync(Producer);
        var poolBefore = await PoolAsync(asset);
        var plan = await PreviewAsync(issuer, asset);
        Assert.Equal(1_000_000_000, plan.Result.Gross.MinorUnits);
        var id = (await RunAsync(issuer, asset, plan)).Value;
        await UntilStepAsync(id, "assign");

        // An outsider splits the stream itself and tries to pull the holders' share out of the splitter.
        var contracts = await App.ContractsAsync();
        var split = asset.Split!;
        var assign = (await App.StepsAsync(id)).Single(o => o.IdempotencyKey == OperationKeys.DistributionStep(id, "assign"));
        var streamId = JsonDocument.Parse(assign.Payload).RootElement.GetProperty("streamId").GetInt64();
        var stranger = App.Stranger();
        var distribute = new DistributeFunction
        {
            Distributions =
            [
                new StreamDistributionTuple
                {
                    StreamId = streamId,
                    Payees = [.. split.Payees.Select(p => p.Address), contracts.HolderDistributor],
                    Bps = [.. split.Payees.Select(p => (ushort)p.Bps), (ushort)split.HoldersBps],
                },
            ],
        };
        var receipt = await stranger.Eth.GetContractTransactionHandler<DistributeFunction>().SendRequestAndWaitForReceiptAsync(contracts.RoyaltySplitter, distribute);
        Assert.Equal(1, (int)receipt.Status.Value);
        await Assert.ThrowsAnyAsync<Exception>(() => stranger.Eth.GetContractTransactionHandler<SplitterWithdrawFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.RoyaltySplitter, new SplitterWithdrawFunction { Payee = contracts.HolderDistributor }));

        // The creator takes its own credit before the platform's withdrawal step.
        await UntilStepAsync(id, DistributionSteps.FundHolders);
        var creatorBefore = await App.UsdBalanceAsync(creatorWallet);
        receipt = await stranger.Eth.GetContractTransactionHandler<SplitterWithdrawFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.RoyaltySplitter, new SplitterWithdrawFunction { Payee = creatorWallet });
        Assert.Equal(1, (int)receipt.Status.Value);

        await UntilStatusAsync(id, DistributionStatus.Completed);
        var d = await DistributionAsync(id);
        Assert.Equal(d.Gross, d.DistributionFee + d.ManagementFee + d.PayeesTotal + d.HoldersShare);
        Assert.Equal(creatorBefore + Line(d, creatorWallet), await App.UsdBalanceAsync(creatorWallet));
        Assert.Equal(producerBefore + Line(d, Producer), await App.UsdBalanceAsync(Producer));
        var pool = await PoolAsync(asset);
        Assert.Equal(poolBefore.Funded + d.HoldersShare, pool.Funded);
        Assert.Equal(d.TotalEntitled, pool.TotalEntitled);
        Assert.Equal(d.MerkleRoot, pool.Root);
        Assert.Equal(0, await PayeeCreditAsync(creatorWallet));
        var notified = await App.SendAsync(async s => await s.Send(new Domain.Notifications.GetMyNotifications(creator)));
        Assert.Contains(notified.Latest, n => n.Text.Contains($"You received {Money.FromMinorUnits(Line(d, creatorWallet)).Value} USD from Night Drive (master)", StringComparison.Ordinal)
            && n.Link == $"/distributions/{id}");
        Assert.True(notified.Unread > 0);

        // A frozen payee is not paid, the distribution still completes, and the credit waits for it.
        var admin = await App.UserIdAsync("admin@demo.local");
        var freeze = (await App.SendAsync(async s => await s.Send(new SetAddressFrozen(admin, Producer, true, "sanctions screening")))).Value;
        await ConfirmedAsync(freeze, "producer frozen");
        Assert.True((await RecordAsync(issuer, asset, "ND-ISSUER-2", "100")).IsSuccess);
        var second = (await RunAsync(issuer, asset, await PreviewAsync(issuer, asset))).Value;
        await UntilStatusAsync(second, DistributionStatus.Completed);
        var frozenShare = Line(await DistributionAsync(second), Producer);
        Assert.True(frozenShare > 0);
        Assert.Equal(frozenShare, await PayeeCreditAsync(Producer));
        Assert.Equal(producerBefore + Line(d, Producer), await App.UsdBalanceAsync(Producer));
        var unfreeze = (await App.SendAsync(async s => await s.Send(new SetAddressFrozen(admin, Producer, false, "cleared")))).Value;
        await ConfirmedAsync(unfreeze, "producer unfrozen");
        receipt = await stranger.Eth.GetContractTransactionHandler<SplitterWithdrawFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.RoyaltySplitter, new SplitterWithdrawFunction { Payee = Producer });
        Assert.Equal(1, (int)receipt.Status.Value);
        Assert.Equal(producerBefore + Line(d, Producer) + frozenShare, await App.UsdBalanceAsync(Producer));
        Assert.Equal(BigInteger.Zero, await App.Chain.Web3.Eth.GetContractQueryHandler<HoldersShareOfFunction>()
            .QueryAsync<BigInteger>(contracts.RoyaltySplitter, new HoldersShareOfFunction { StreamId = streamId }));
        Assert.True(await App.UsdBalanceAsync(issuerWallet) > 0);

        await RevenueTotalsNeverOverflowAsync(asset, issuer, creator);
    }

    /// <summary>Last on this asset: it leaves 1e19 of revenue undistributed.</summary>
    private async Task RevenueTotalsNeverOverflowAsync(Domain.Assets.Asset asset, string issuer, string creator)
    {
        // 10,000 events of 1e15 minor units each: 1e19 in all, above a 64-bit sum. Recorded by a payee, they
        // wait for confirmation; the totals on the revenue page and the dashboard are still exact.
        var items = Enumerable.Range(0, 10_000).Select(i => new RevenueItem($"HUGE-{i:D5}", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "streaming", RevenueLineRules.MaxAmountMinorUnits, "USD", null)).ToList();
        Assert.Equal(10_000, (await App.SendAsync(async s => await s.Send(new IngestRevenue(creator, asset.Id, items)))).Value.Recorded);
        var view = (await App.SendAsync(async s => await s.Send(new GetAssetRevenue(issuer, asset.Id)))).Value;
        Assert.True(UsdText.Sum(view.Totals.Select(t => t.AmountMinorUnits)) >= (Int128)10_000 * RevenueLineRules.MaxAmountMinorUnits);
        Assert.StartsWith("10,000,000,00", UsdText.Of(UsdText.Sum(view.Totals.Select(t => t.AmountMinorUnits))), StringComparison.Ordinal);
        Assert.NotEmpty(await App.SendAsync(async s => await s.Send(new GetRevenueOverview(creator))));

        // Confirmed, they make 1e19 undistributed: one run takes the oldest up to its limit, the rest waits.
        var ids = view.AwaitingConfirmation.Where(e => e.ExternalReference.StartsWith("HUGE-", StringComparison.Ordinal)).Select(e => e.Id).ToList();
        foreach (var chunk in ids.Chunk(ReviewRevenueHandler.MaxEvents))
        {
            Assert.True((await App.SendAsync(async s => await s.Send(new ReviewRevenue(issuer, asset.Id, chunk, true, null)))).IsSuccess);
        }

        view = (await App.SendAsync(async s => await s.Send(new GetAssetRevenue(issuer, asset.Id)))).Value;
        Assert.True(view.Undistributed >= (Int128)10_000 * RevenueLineRules.MaxAmountMinorUnits);
        var plan = await PreviewAsync(issuer, asset);
        Assert.Equal(DistributionPlanner.MaxGross, plan.Result.Gross.MinorUnits);
        Assert.Equal((int)(DistributionPlanner.MaxGross / RevenueLineRules.MaxAmountMinorUnits), plan.UndistributedEvents);
    }
}
