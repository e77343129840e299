using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>A distribution that fails part-way never blocks its asset: undone if no money moved, resumed otherwise.</summary>
[Collection(PayoutChain.Name)]
public sealed class FailedDistributionTests(PayoutChainFactory app) : PayoutScenario(app)
{
    [Fact]
    public async Task FailureBeforeMoneyMoved_IsCompensated_ThenFeesChangeIsRefused_AndClaimsUseTheChainRoot()
    {
        var asset = await App.AssetAsync("12 Rue des Lilas, Lyon");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var admin = await App.UserIdAsync("admin@demo.local");
        var issuerWallet = await App.WalletAsync(issuer);
        await App.SendAsync(async s => await s.Send(new SetPayoutPreference(issuer, PayoutPreference.Claim)));
        Assert.True((await RecordAsync(issuer, asset, "LY-RENT-1", "500")).IsSuccess);
        await FundAsync(issuer);
        var plan = await PreviewAsync(issuer, asset);
        var failing = (await RunAsync(issuer, asset, plan)).Value;

        // The funder's wallet is emptied behind the platform's back: the first money step cannot run.
        await App.DrainAsync(issuerWallet, await App.UsdBalanceAsync(issuerWallet), "0x000000000000000000000000000000000000dEaD");
        await UntilStatusAsync(failing, DistributionStatus.Cancelled);
        var revenue = (await App.SendAsync(async s => await s.Send(new GetAssetRevenue(issuer, asset.Id)))).Value;
        Assert.Equal(1, revenue.UndistributedEvents);
        Assert.Equal((Int128)500_000_000, revenue.Undistributed);
        var steps = await App.StepsAsync(failing);
        Assert.All(steps.Where(o => o.Status != ChainOperationStatus.Confirmed), o => Assert.Equal(ChainOperationStatus.Cancelled, o.Status));
        Assert.DoesNotContain(steps, o => DistributionSteps.MovesMoney(failing, o.IdempotencyKey) && o.Status == ChainOperationStatus.Confirmed);
        var retried = await App.SendAsync(async s => await s.Send(new RetryChainOperation(steps.First(o => o.Status == ChainOperationStatus.Cancelled).Id, admin)));
        Assert.False(retried.IsSuccess);

        // A fee change between preview and run is refused with the new fees.
        await FundAsync(issuer);
        plan = await PreviewAsync(issuer, asset);
        Assert.True((await App.SendAsync(async s => await s.Send(new SetAssetFeeOverride(admin, asset.Id, null, plan.Input.DistributionFeeBps + 50, null)))).IsSuccess);
        var stale = await RunAsync(issuer, asset, plan);
        Assert.Equal("fees.changed", stale.Error!.Code);
        Assert.Contains(BasisPoints.Create(plan.Input.DistributionFeeBps + 50).Value.ToString(), stale.Error.Message, StringComparison.Ordinal);
        var missing = await App.SendAsync(async s => await s.Send(new RunDistribution(issuer, asset.Id, plan.Result.Gross, null)));
        Assert.Equal("FeeScheduleId", missing.Error!.Fields[0].Field);
        // The override keeps the schedule id: the fees the user saw are part of what a run carries.
        missing = await App.SendAsync(async s => await s.Send(new RunDistribution(issuer, asset.Id, plan.Result.Gross, plan.FeeScheduleId)));
        Assert.Equal("DistributionFeeBps", missing.Error!.Fields[0].Field);

        // The asset distributes again; once the pool is funded on chain, claims are proven against that root,
        // even while the rest of the distribution (the payee's withdrawal) is still to come.
        plan = await PreviewAsync(issuer, asset);
        Assert.Equal(500_000_000, plan.Result.Gross.MinorUnits);
        var id = (await RunAsync(issuer, asset, plan)).Value;
        await UntilStepAsync(id, DistributionSteps.FundHolders);
        var before = await App.UsdBalanceAsync(issuerWallet);
        var claim = await App.SendAsync(async s => await s.Send(new ClaimAllPayouts(issuer)));
        Assert.True(claim.IsSuccess, claim.Error?.Message);
        await ConfirmedAsync(claim.Value, "claim");
        await UntilStatusAsync(id, DistributionStatus.Completed);
        var d = await DistributionAsync(id);
        var claimed = long.Parse(System.Text.Json.JsonDocument.Parse((await OperationAsync(claim.Value)).Result!).RootElement.GetProperty("claimed").GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(claimed >= Line(d, issuerWallet));
        Assert.Equal(before + claimed, await App.UsdBalanceAsync(issuerWallet));
        var pool = await PoolAsync(asset);
        Assert.Equal(pool.TotalEntitled, pool.Paid);
        Assert.Equal(d.HoldersShare, pool.Funded);
    }

    [Fact]
    public async Task FailureAfterMoneyMoved_IsResumed_AndPaysExactlyOnce()
    {
        var asset = await App.AssetAsync("Blue Horse (study)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var creatorWallet = await App.WalletAsync(await App.UserIdAsync("creator@demo.local"));
        var issuerWallet = await App.WalletAsync(issuer);
        Assert.True((await RecordAsync(issuer, asset, "BH-SALE-1", "2000")).IsSuccess);
        await FundAsync(issuer);
        var plan = await PreviewAsync(issuer, asset);
        var fees = (plan.Result.DistributionFee + plan.Result.ManagementFee).MinorUnits;
        Assert.True(fees > 0, "the default schedule charges a distribution fee");
        var creatorBefore = await App.UsdBalanceAsync(creatorWallet);
        // The asset may have been paid out before (e.g. automatically by another test): what changes is compared.
        var poolBefore = await PoolAsync(asset);
        var id = (await RunAsync(issuer, asset, plan)).Value;
        var treasury = App.Chain.OperatorAddress;
        var treasuryBefore = await App.UsdBalanceAsync(treasury);

        // The fees are paid in; then the funder's wallet is emptied, so the next pull fails.
        await UntilStepAsync(id, DistributionSteps.Fees);
        await App.DrainAsync(issuerWallet, await App.UsdBalanceAsync(issuerWallet), "0x000000000000000000000000000000000000dEaD");
        await UntilStatusAsync(id, DistributionStatus.Failed);
        for (var i = 0; i < 5; i++)
        {
            await App.PumpOnceAsync();
        }

        Assert.Equal(DistributionStatus.Failed, (await DistributionAsync(id)).Status);
        Assert.Equal("distribution.failed", (await RunAsync(issuer, asset, plan)).Error!.Code);
        Assert.Equal("distribution.not_cancellable", (await App.SendAsync(async s => await s.Send(new CancelDistribution(issuer, id, "changed my mind")))).Error!.Code);
        Assert.Equal("distribution.missing", (await App.SendAsync(async s => await s.Send(new ResumeDistribution(await App.UserIdAsync("investor@demo.local"), id)))).Error!.Code);

        await FundAsync(issuer);
        Assert.True((await App.SendAsync(async s => await s.Send(new ResumeDistribution(issuer, id)))).IsSuccess);
        await UntilStatusAsync(id, DistributionStatus.Completed);
        var d = await DistributionAsync(id);
        Assert.Equal(treasuryBefore + fees, await App.UsdBalanceAsync(treasury));
        Assert.Equal(creatorBefore + Line(d, creatorWallet), await App.UsdBalanceAsync(creatorWallet));
        Assert.Equal(0, await PayeeCreditAsync(creatorWallet));
        var pool = await PoolAsync(asset);
        Assert.Equal(poolBefore.Funded + d.HoldersShare, pool.Funded);
        Assert.Equal(d.MerkleRoot, pool.Root);
    }
}
