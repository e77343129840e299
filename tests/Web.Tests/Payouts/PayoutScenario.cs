using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Web.Tests.Payouts;

[CollectionDefinition(Name)]
public sealed class PayoutChain : ICollectionFixture<PayoutChainFactory>
{
    public const string Name = "payout-chain";
}

/// <summary>The steps every payout test takes, through the real use cases.</summary>
public abstract class PayoutScenario(PayoutChainFactory app)
{
    protected PayoutChainFactory App { get; } = app;

    protected async Task<Result<RecordedRevenue>> RecordAsync(string userId, Asset asset, string reference, string amount) =>
        await App.SendAsync(async s => await s.Send(new RecordRevenue(userId, asset.Id, reference, DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "streaming", amount, null)));

    /// <summary>Mints 10,000 test USD to the user's wallet and waits until it is on chain.</summary>
    protected async Task FundAsync(string userId)
    {
        var op = (await App.SendAsync(async s => await s.Send(new RequestTestFunds(userId)))).Value;
        await ConfirmedAsync(op, "faucet mint");
    }

    protected async Task ConfirmedAsync(Guid operationId, string what) =>
        await App.EventuallyAsync(async () => (await OperationAsync(operationId)).Status == ChainOperationStatus.Confirmed, what);

    protected Task<Infrastructure.Chain.Outbox.ChainOperation> OperationAsync(Guid id) =>
        App.WithDbAsync(db => db.ChainOperations.AsNoTracking().SingleAsync(o => o.Id == id));

    /// <summary>A preview once the indexer has caught up with the record time (now).</summary>
    protected async Task<DistributionPlan> PreviewAsync(string userId, Asset asset)
    {
        DistributionPlan? plan = null;
        await App.EventuallyAsync(async () =>
        {
            var result = await App.SendAsync(async s => await s.Send(new PreviewDistribution(userId, asset.Id)));
            Assert.True(result.IsSuccess || result.Error!.Code == "holdings.not_indexed", result.Error?.Message);
            plan = result.IsSuccess ? result.Value : null;
            return plan is not null;
        }, "a distribution preview");
        return plan!;
    }

    protected async Task<Result<Guid>> RunAsync(string userId, Asset asset, DistributionPlan plan) =>
        await App.SendAsync(async s => await s.Send(new RunDistribution(userId, asset.Id, plan.Result.Gross, plan.FeeScheduleId, plan.Input.DistributionFeeBps,
            plan.Input.ManagementFeeBpsPerYear, plan.RecordTime, plan.Input.PeriodStart, plan.Input.PeriodEnd)));

    protected Task<Distribution> DistributionAsync(Guid id) =>
        App.WithDbAsync(db => db.Set<Distribution>().Include(d => d.Lines).AsNoTracking().SingleAsync(d => d.Id == id));

    protected async Task UntilStatusAsync(Guid distributionId, DistributionStatus status) =>
        await App.EventuallyAsync(async () => (await DistributionAsync(distributionId)).Status == status, $"distribution {distributionId} {status}");

    /// <summary>Pumps until the step with this key suffix is confirmed (and no further).</summary>
    protected async Task UntilStepAsync(Guid distributionId, string step, ChainOperationStatus status = ChainOperationStatus.Confirmed)
    {
        try
        {
            await App.EventuallyAsync(async () => (await App.StepsAsync(distributionId)).Any(o => o.IdempotencyKey == OperationKeys.DistributionStep(distributionId, step) && o.Status == status),
                $"step {step} {status}");
        }
        catch (TimeoutException ex)
        {
            // Say where the distribution stands: every step with its status and error.
            var steps = string.Join("; ", (await App.StepsAsync(distributionId)).Select(o => $"{o.IdempotencyKey[^Math.Min(o.IdempotencyKey.Length, 20)..]} {o.Kind} {o.Status} {o.Error}"));
            throw new TimeoutException($"{ex.Message}. Steps: {steps}", ex);
        }
    }

    protected async Task<HolderPool> PoolAsync(Asset asset)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPayoutChainReader>().PoolAsync(asset.OnChainTokenId!.Value, CancellationToken.None);
    }

    protected async Task<long> PayeeCreditAsync(string payee)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IPayoutChainReader>().PayeeCreditAsync(payee, CancellationToken.None)).MinorUnits;
    }

    /// <summary>Each line of the statement names the transaction of the step that moved its money (fees, payees, holders).</summary>
    protected async Task StatementNamesTheStepsAsync(Guid distributionId, string fees, string payees, string holders)
    {
        var records = Csv.Read((await App.SendAsync(async s => await s.Send(new GetDistributionStatement(distributionId)))).Value).Records;
        var tx = GetDistributionStatementHandler.Header.ToList().IndexOf("tx_hash");
        var ops = await App.StepsAsync(distributionId);
        string Hash(string step) => ops.Single(o => o.IdempotencyKey == OperationKeys.DistributionStep(distributionId, step)).TxHash!;
        var lines = (await DistributionAsync(distributionId)).Lines.OrderBy(l => l.Order).ToList();
        Assert.Equal(lines.Count, records.Count - 1);
        foreach (var (record, line) in records.Skip(1).Zip(lines))
        {
            Assert.Equal(line.Kind switch
            {
                DistributionLineKind.Payee => Hash(payees),
                DistributionLineKind.Holder => Hash(holders),
                _ => Hash(fees),
            }, record[tx]);
        }
    }

    protected static long Line(Distribution d, string address) =>
        d.Lines.Where(l => EthAddress.Comparer.Equals(l.Address, address)).Sum(l => l.Amount.MinorUnits);
}
