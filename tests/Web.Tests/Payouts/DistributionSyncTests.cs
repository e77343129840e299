using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>The sync follows every unfinished distribution, however many failed before it (PostgreSQL).</summary>
[Collection(PayoutChain.Name)]
public sealed class DistributionSyncTests(PayoutChainFactory app) : PayoutScenario(app)
{
    [Fact]
    public async Task Sync_CompletesADistribution_BehindSixtyFailedOnes()
    {
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        var failed = Enumerable.Range(0, 60).Select(i => Synthetic(now.AddSeconds(i))).ToList();
        var executing = Synthetic(now.AddMinutes(5));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var d in failed)
            {
                db.Add(d);
                // Money moved (fees paid in), then a step failed: never compensated, waits to be resumed.
                db.ChainOperations.Add(Operation(d, DistributionSteps.Fees, ChainOperationStatus.Confirmed, now));
                db.ChainOperations.Add(Operation(d, DistributionSteps.ToSplitter, ChainOperationStatus.Failed, now));
            }

            db.Add(executing);
            db.ChainOperations.Add(Operation(executing, DistributionSteps.Fees, ChainOperationStatus.Confirmed, now));
            await db.SaveChangesAsync();
        }

        await App.SendAsync(async s => await s.Send(new SyncDistributionsWithChain()));

        Assert.Equal(DistributionStatus.Completed, (await DistributionAsync(executing.Id)).Status);
        foreach (var d in failed)
        {
            Assert.Equal(DistributionStatus.Failed, (await DistributionAsync(d.Id)).Status);
        }

        // Synthetic rows leave the shared database as they came.
        var ids = failed.Select(d => d.Id).Append(executing.Id).ToList();
        var keys = ids.SelectMany(id => new[] { OperationKeys.DistributionStep(id, DistributionSteps.Fees), OperationKeys.DistributionStep(id, DistributionSteps.ToSplitter) }).ToList();
        await App.WithDbAsync(async db => await db.Set<Distribution>().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync());
        await App.WithDbAsync(async db => await db.ChainOperations.Where(o => keys.Contains(o.IdempotencyKey)).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Run_RefusesWhatTheFundersWallet_CannotCoverBesideItsDistributionsInProgress()
    {
        var asset = await App.AssetAsync("12 Rue des Lilas, Lyon");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        Assert.True((await RecordAsync(issuer, asset, "LY-RESERVE-1", "1")).IsSuccess);
        await FundAsync(issuer);
        var plan = await PreviewAsync(issuer, asset);
        Assert.True(plan.FunderBalance >= plan.Result.Gross, "the wallet alone covers this distribution");
        // Another distribution of the same funder, on another asset, has not pulled its gross yet.
        var inFlight = Synthetic(DateTimeOffset.UtcNow.AddMinutes(-1), funderUserId: issuer, gross: plan.FunderBalance.MinorUnits);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(inFlight);
            await db.SaveChangesAsync();
        }

        try
        {
            var refused = await RunAsync(issuer, asset, plan);
            Assert.Equal("Funds", refused.Error!.Fields[0].Field);
            Assert.Contains("still to be paid in by your distributions in progress", refused.Error.Fields[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            await App.WithDbAsync(async db => await db.Set<Distribution>().Where(d => d.Id == inFlight.Id).ExecuteDeleteAsync());
            var pending = (await App.SendAsync(async s => await s.Send(new Domain.Revenue.GetAssetRevenue(issuer, asset.Id)))).Value.Recent.Single(e => e.ExternalReference == "LY-RESERVE-1");
            Assert.True((await App.SendAsync(async s => await s.Send(new Domain.Revenue.VoidRevenue(issuer, asset.Id, pending.Id, "test reservation only")))).IsSuccess);
        }
    }

    private static Distribution Synthetic(DateTimeOffset at, string funderUserId = "nobody", long gross = 1_000_000)
    {
        var input = new DistributionInput(Units(Math.Max(gross, 1_000)), 100, 0, Units(1_000_000_000), at.AddDays(-30), at, Money.Zero, [new PayeeShare("Payee", "0x1111111111111111111111111111111111111111", 5_000)], 5_000,
            [new HolderPosition("0x2222222222222222222222222222222222222222", 10)]);
        var result = DistributionCalculator.Compute(input).Value;
        var lines = new List<DistributionLine>
        {
            new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, result.DistributionFee),
            new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, result.ManagementFee),
            new(2, DistributionLineKind.Payee, "Payee", result.Payees[0].Address, 5_000, null, result.Payees[0].Amount),
            new(3, DistributionLineKind.Holder, null, result.Holders[0].Address, null, 10, result.Holders[0].Amount),
        };
        return new Distribution(Guid.CreateVersion7(), new AssetId(Guid.NewGuid()), 999_999, at, input, result, Guid.NewGuid(), funderUserId, "0x3333333333333333333333333333333333333333",
            "0x" + new string('a', 64), result.HoldersShare, lines, at);
    }

    private static ChainOperation Operation(Distribution d, string step, ChainOperationStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        IdempotencyKey = OperationKeys.DistributionStep(d.Id, step),
        Kind = PullFundsOnChain.KindName,
        Payload = "{}",
        Status = status,
        Error = status == ChainOperationStatus.Failed ? "reverted: synthetic" : null,
        NextAttemptAt = at,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
