using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>
/// The money-path rules of a manual run (exclusive section, record time and periods, exactly the previewed
/// revenue), on a real anvil and PostgreSQL (Blue Horse: creator 15%, holders 85%).
/// </summary>
[Collection(PayoutChain.Name)]
public sealed class DistributionRuleTests(PayoutChainFactory app) : PayoutScenario(app)
{
    [Fact]
    public async Task RecordTimeAndPeriod_FollowThePreviousDistribution_AndRefusalsNameTheirField()
    {
        var asset = await App.AssetAsync("Blue Horse (study)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        Assert.True((await RecordAsync(issuer, asset, $"RULES-{Guid.NewGuid():N}", "40")).IsSuccess);
        await FundAsync(issuer);
        var plan = await PreviewAsync(issuer, asset);
        var latest = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Where(d => d.Status != DistributionStatus.Cancelled)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefault();
        var now = DateTimeOffset.UtcNow;

        async Task<string> RefusedFieldAsync(DateTimeOffset? record, DateTimeOffset? start = null, DateTimeOffset? end = null)
        {
            var result = await App.SendAsync(async s => await s.Send(new PreviewDistribution(issuer, asset.Id, null, record, start, end)));
            Assert.False(result.IsSuccess);
            return result.Error!.Fields.Single().Field;
        }

        Assert.Equal("RecordTime", await RefusedFieldAsync(now.AddMinutes(5)));
        Assert.Equal("RecordTime", await RefusedFieldAsync(now.AddDays(-31)));
        if (latest is not null)
        {
            // The record time only moves forward: not at or before the previous distribution's.
            Assert.Equal("RecordTime", await RefusedFieldAsync(latest.RecordTime));
        }

        // Periods follow each other: the start is where the previous period ended, the end is the record time.
        Assert.Equal("PeriodStart", await RefusedFieldAsync(null, plan.Input.PeriodStart.AddHours(-1)));
        Assert.Equal("PeriodEnd", await RefusedFieldAsync(plan.RecordTime, plan.Input.PeriodStart, plan.RecordTime.AddMinutes(-10)));
        Assert.Equal(latest?.PeriodEnd ?? plan.Input.PeriodStart, plan.Input.PeriodStart);

        // A run with the previewed figures pays them; its record time becomes the next period's start.
        var id = (await RunAsync(issuer, asset, plan)).Value;
        await UntilStatusAsync(id, DistributionStatus.Completed);
        var d = await DistributionAsync(id);
        Assert.Equal(plan.RecordTime, d.RecordTime);
        Assert.Equal(plan.Input.PeriodStart, d.PeriodStart);
        Assert.Equal(d.RecordTime, d.PeriodEnd);
        await StatementNamesTheStepsAsync(id, DistributionSteps.Fees, DistributionSteps.WithdrawPayees, DistributionSteps.FundHolders);

        // Its entitlements file gives back the root it published, one leaf (with a proof) per holder it has paid so far.
        var file = (await App.SendAsync(async s => await s.Send(new GetDistributionEntitlements(id)))).Value;
        Assert.Equal(d.MerkleRoot, file.PublishedRoot);
        Assert.Equal(file.PublishedRoot, file.Root);
        Assert.Equal(d.OnChainTokenId, file.AssetTokenId);
        Assert.Equal(d.TotalEntitled.MinorUnits, file.Leaves.Sum(l => l.Cumulative));
        Assert.All(file.Leaves, l => Assert.True(l.Proof.Count > 0 || file.Leaves.Count == 1));
        Assert.Equal("distribution.missing", (await App.SendAsync(async s => await s.Send(new GetDistributionEntitlements(Guid.NewGuid())))).Error!.Code);
    }

    [Fact]
    public async Task ARun_PaysExactlyThePreviewedRevenue_AndTwoRunsAtOnce_StartOne()
    {
        var asset = await App.AssetAsync("Blue Horse (study)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        await FundAsync(issuer);
        Assert.True((await RecordAsync(issuer, asset, $"RULES-{Guid.NewGuid():N}", "30")).IsSuccess);
        var plan = await PreviewAsync(issuer, asset);

        // Revenue recorded after the preview: the run refuses (409 with the new figure) instead of paying a gross nobody saw.
        var late = $"RULES-LATE-{Guid.NewGuid():N}";
        Assert.True((await RecordAsync(issuer, asset, late, "7")).IsSuccess);
        var refused = await RunAsync(issuer, asset, plan);
        Assert.Equal("distribution.changed", refused.Error!.Code);

        // Two runs of the same preview at the same moment (two requests, two connections): exactly one starts.
        plan = await PreviewAsync(issuer, asset);
        var before = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Select(x => x.Id).ToHashSet();
        var runs = await Task.WhenAll(RunAsync(issuer, asset, plan), RunAsync(issuer, asset, plan));
        Assert.Single(runs, r => r.IsSuccess);
        var loser = Assert.Single(runs, r => !r.IsSuccess).Error!;
        Assert.Contains(loser.Code, new[] { "distribution.unfinished", "distribution.changed" });
        var started = Assert.Single(await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))), x => !before.Contains(x.Id));
        await UntilStatusAsync(started.Id, DistributionStatus.Completed);

        // It took exactly the events its gross came from, the late one included, each once.
        var assigned = await App.WithDbAsync(db => db.Set<RevenueEvent>().AsNoTracking().Where(e => e.DistributionId == started.Id).ToListAsync());
        Assert.Equal(plan.Result.Gross.MinorUnits, assigned.Sum(e => e.AmountMinorUnits));
        Assert.Contains(assigned, e => e.ExternalReference == late);
        Assert.Equal(plan.UndistributedEvents, assigned.Count);
        Assert.Equal(0, (await App.SendAsync(async s => await s.Send(new GetAssetRevenue(issuer, asset.Id)))).Value.UndistributedEvents);
    }
}
