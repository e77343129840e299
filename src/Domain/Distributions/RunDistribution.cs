using System.Text.Json;
using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Fees;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Executes the distribution of all undistributed revenue of an asset: records every line, adds the
/// holders' amounts to the cumulative entitlements, marks the revenue distributed and queues the chain
/// work in one commit - pull the fees to the treasury and the rest to the splitter, split the stream,
/// fund the holder pool with the new root, pay the payees, push to auto-pay holders.
/// <paramref name="ExpectedGross"/> is the gross the user previewed: if revenue arrived since, nothing runs.
/// </summary>
public sealed record RunDistribution(string UserId, AssetId AssetId, long ExpectedGross, DateTimeOffset? RecordTime = null, DateTimeOffset? PeriodStart = null, DateTimeOffset? PeriodEnd = null)
    : ICommand<Result<Guid>>;

public sealed class RunDistributionHandler(
    DistributionPlanner planner,
    IDistributionStore distributions,
    IRevenueStore revenue,
    IEntitlementLedger ledger,
    IWalletService wallets,
    IChainOutbox outbox,
    IChainMonitor monitor,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RunDistribution, Result<Guid>>
{
    public const int PushBatchSize = 100;

    public async ValueTask<Result<Guid>> Handle(RunDistribution command, CancellationToken cancellationToken)
    {
        // One distribution at a time, platform-wide: they share the chain's holder pool funding, and two
        // runs of one asset would both add to the same cumulative entitlements.
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var planned = await planner.PlanAsync(command.UserId, command.AssetId, null, command.RecordTime, command.PeriodStart, command.PeriodEnd, cancellationToken);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        var plan = planned.Value;
        var result = plan.Result;
        if (plan.Undistributed == 0)
        {
            return Error.Validation("Gross", "There is no undistributed revenue to distribute.");
        }

        if (result.Gross != command.ExpectedGross)
        {
            return Error.Conflict("distribution.changed", $"The undistributed revenue is now {Money.FromMinorUnits(result.Gross).Value} USD (it changed since your preview). Review the new preview and run it again.");
        }

        if (plan.FunderBalance < result.Gross)
        {
            return Error.Validation("Funds", $"Your wallet holds {Money.FromMinorUnits(plan.FunderBalance).Value} USD; the distribution needs {Money.FromMinorUnits(result.Gross).Value} USD. Deposit the revenue to your wallet first.");
        }

        var latest = await distributions.LatestAsync(command.AssetId, cancellationToken);
        if (latest is { Status: not DistributionStatus.Completed })
        {
            return Error.Conflict("distribution.unfinished", "The previous distribution of this asset is not finished on chain yet.");
        }

        var stream = await StreamIdAsync(command.AssetId, cancellationToken);
        if (stream is null)
        {
            return Error.Conflict("stream.missing", "The asset's revenue split is not registered on chain yet.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var tokenId = plan.Asset.OnChainTokenId!.Value;
        var paid = result.Holders.Where(h => h.Amount > 0).ToList();
        var owners = await wallets.FindByAddressesAsync(paid.Select(h => h.Address).ToList(), cancellationToken);
        var pushTo = paid.Where(h => !owners.TryGetValue(h.Address, out var w) || w.PayoutPreference == PayoutPreference.AutoPay)
            .Select(h => h.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var update = await ledger.AddAsync(tokenId, result.Holders, pushTo, PushBatchSize, cancellationToken);

        var distribution = new Distribution(id, command.AssetId, tokenId, plan.RecordTime, plan.Input, result, plan.FeeScheduleId, command.UserId, plan.FunderAddress,
            update.Root, update.TotalEntitled, Lines(result, update), now);
        // Exactly the events the gross was computed from (revenue recorded meanwhile waits for the next run).
        var included = plan.EventIds.ToHashSet();
        var events = (await revenue.UndistributedForUpdateAsync(command.AssetId, cancellationToken)).Where(e => included.Contains(e.Id)).ToList();
        if (events.Count != included.Count || events.Aggregate(Int128.Zero, (sum, e) => sum + e.AmountMinorUnits) != result.Gross)
        {
            return Error.Conflict("distribution.changed", "The undistributed revenue changed while the distribution was prepared. Review the new preview and run it again.");
        }

        foreach (var e in events)
        {
            e.AssignTo(id);
        }

        var (first, funding, last) = await EnqueueAsync(distribution, plan, stream.Value, update, cancellationToken);
        distribution.Track(first, funding, last);
        distributions.Add(distribution);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return id;
    }

    private static List<DistributionLine> Lines(DistributionResult result, EntitlementUpdate update)
    {
        var byAddress = update.Holders.ToDictionary(h => h.Address, StringComparer.OrdinalIgnoreCase);
        var lines = new List<DistributionLine>
        {
            new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, result.DistributionFee),
            new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, result.ManagementFee),
        };
        lines.AddRange(result.Payees.Select((p, i) => new DistributionLine(2 + i, DistributionLineKind.Payee, p.Label, p.Address, p.Bps, null, p.Amount)));
        var order = lines.Count;
        lines.AddRange(result.Holders.Select((h, i) =>
        {
            var leaf = byAddress[h.Address];
            return new DistributionLine(order + i, DistributionLineKind.Holder, null, h.Address, null, h.Fractions, h.Amount, leaf.Index, leaf.Cumulative);
        }));
        return lines;
    }

    /// <summary>
    /// One linear chain of operations, each waiting for the previous one; the first waits for the
    /// funder's permit and for the previous distribution's holder funding (the splitter credits the
    /// holder distributor for all assets together, so fundings must not interleave).
    /// </summary>
    private async Task<(Guid First, Guid Funding, Guid Last)> EnqueueAsync(Distribution d, DistributionPlan plan, long streamId, EntitlementUpdate update, CancellationToken cancellationToken)
    {
        var key = $"distribution:{d.Id}";
        // Only a distribution still executing can interleave with this one; a failed one never blocks the others.
        var running = (await distributions.LatestUnfinishedAsync(cancellationToken))?.FundingOperationId;
        var permitCommand = new AllowOperatorSpendingOnChain(d.FunderUserId, d.FunderAddress);
        var permitKey = $"wallet:{d.FunderUserId}:operator-allowance";
        var permits = await monitor.ListByKeyPrefixAsync(permitKey, cancellationToken);
        if (permits.LastOrDefault(p => p.Status != ChainOperationStatus.Failed) is { } usable)
        {
            permitKey = usable.IdempotencyKey;
        }
        else if (permits.Count > 0)
        {
            // Every earlier permit failed (e.g. signed with a nonce another permit used first): sign a new one.
            permitKey = $"{permitKey}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        }

        var permit = running is { } waitFor
            ? await outbox.EnqueueAfterAsync(permitCommand, permitKey, waitFor, cancellationToken)
            : await outbox.EnqueueAsync(permitCommand, permitKey, cancellationToken);
        var previous = permit.AlreadyExisted && running is { } last ? last : permit.Id;
        Guid? first = null;

        async Task<Guid> Then(ChainCommand command, string suffix)
        {
            var queued = await outbox.EnqueueAfterAsync(command, $"{key}:{suffix}", previous, cancellationToken);
            previous = queued.Id;
            first ??= queued.Id;
            return queued.Id;
        }

        var fees = d.DistributionFee + d.ManagementFee;
        if (fees > 0)
        {
            await Then(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Treasury, fees), "fees");
        }

        var afterFees = d.Gross - fees;
        var funding = Guid.Empty;
        if (afterFees > 0)
        {
            await Then(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Splitter, afterFees), "to-splitter");
            var split = plan.Asset.Split!;
            await Then(new AssignToStreamOnChain(d.Id, streamId, afterFees), "assign");
            await Then(new DistributeStreamOnChain(d.Id, streamId, split.Payees.Select(p => p.Address).ToList(), split.Payees.Select(p => (ushort)p.Bps).ToList(), (ushort)split.HoldersBps), "split");
            if (d.HoldersShare > 0)
            {
                funding = await Then(new FundHoldersOnChain(d.Id, d.OnChainTokenId, update.Root, update.TotalEntitled), "fund-holders");
            }

            foreach (var payee in d.Lines.Where(l => l.Kind == DistributionLineKind.Payee && l.Amount > 0).Select(l => l.Address!).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await Then(new WithdrawPayeeOnChain(d.Id, payee), $"withdraw:{payee}");
            }

            for (var i = 0; i < update.PushBatches.Count; i++)
            {
                var batch = update.PushBatches[i];
                await Then(new PushPayoutsOnChain(d.Id, d.OnChainTokenId, batch.Entries.Select(e => new PayoutLeaf(e.Index, e.Address, e.Cumulative)).ToList(), batch.Proof, batch.Flags), $"push:{i}");
            }
        }

        return (first ?? permit.Id, funding == Guid.Empty ? previous : funding, previous);
    }

    private async Task<long?> StreamIdAsync(AssetId assetId, CancellationToken cancellationToken)
    {
        var ops = await monitor.ListByKeyPrefixAsync($"asset:{assetId}:split", cancellationToken);
        if (ops.FirstOrDefault(o => o.Status == ChainOperationStatus.Confirmed && o.Result is not null) is not { } op)
        {
            return null;
        }

        using var json = JsonDocument.Parse(op.Result!);
        return json.RootElement.TryGetProperty("streamId", out var stream) ? stream.GetInt64() : null;
    }
}
