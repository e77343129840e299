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

/// <summary>What a distribution would pay, line by line, before anything is executed.</summary>
public sealed record DistributionPlan(
    Asset Asset,
    DistributionInput Input,
    DistributionResult Result,
    Guid FeeScheduleId,
    DateTimeOffset RecordTime,
    long Undistributed,
    int UndistributedEvents,
    string FunderAddress,
    long FunderBalance,
    IReadOnlyList<Guid> EventIds);

/// <summary>Computes a distribution plan from the fee schedule in force, the split, the revenue and the holders at the record time.</summary>
public sealed class DistributionPlanner(
    RevenueAccess access,
    IRevenueStore revenue,
    IDistributionStore distributions,
    IHoldingsHistory holdings,
    IFeeScheduleRepository fees,
    IWalletService wallets,
    IInvestorChainReader chain,
    TimeProvider clock)
{
    public async Task<Result<DistributionPlan>> PlanAsync(string userId, AssetId assetId, long? gross, DateTimeOffset? recordTime, DateTimeOffset? periodStart,
        DateTimeOffset? periodEnd, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(assetId, userId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value;
        var now = clock.GetUtcNow();
        var record = recordTime ?? now;
        if (record > now)
        {
            return Error.Validation("RecordTime", "The record time cannot be in the future.");
        }

        var latest = await distributions.LatestAsync(assetId, cancellationToken);
        // Periods follow each other: a period starts where the previous one ended and ends at the record
        // time, which only moves forward and is at most 30 days old (no backdating to choose the holders).
        var start = latest?.PeriodEnd ?? asset.ApprovedAt ?? asset.CreatedAt;
        if (latest is not null && record <= latest.RecordTime)
        {
            return Error.Validation("RecordTime", $"The record time must be after the previous distribution's ({latest.RecordTime:yyyy-MM-dd HH:mm:ss} UTC).");
        }

        if (record < now.AddDays(-30))
        {
            return Error.Validation("RecordTime", "The record time may be at most 30 days in the past.");
        }

        if (periodStart is { } askedStart && Math.Abs((askedStart - start).TotalSeconds) >= 1)
        {
            return Error.Validation("PeriodStart", $"The period starts where the previous one ended: {start:yyyy-MM-dd HH:mm:ss} UTC.");
        }

        if (periodEnd is { } askedEnd && Math.Abs((askedEnd - record).TotalSeconds) >= 1)
        {
            return Error.Validation("PeriodEnd", "The period ends at the record time.");
        }

        if (record <= start)
        {
            return Error.Validation("RecordTime", $"The record time must be after the period start ({start:yyyy-MM-dd HH:mm:ss} UTC).");
        }

        var end = record;
        var pending = await revenue.UndistributedAsync(assetId, cancellationToken);
        var total = pending.Aggregate(Int128.Zero, (sum, e) => sum + e.AmountMinorUnits);
        if (total > long.MaxValue)
        {
            return Error.Validation("Gross", "The undistributed revenue is too large for one distribution.");
        }

        var undistributed = (long)total;
        var positions = await holdings.AtAsync(asset.OnChainTokenId!.Value, record, cancellationToken);
        if (positions is null)
        {
            return Error.Conflict("holdings.not_indexed", "The chain has not been indexed up to the record time yet; try again in a few seconds or pick an earlier record time.");
        }

        var issuer = await wallets.FindAsync(asset.IssuerId, cancellationToken);
        var escrow = await holdings.EscrowAddressAsync(cancellationToken);
        var holders = MergeEscrowIntoIssuer(positions, escrow, issuer?.Address);
        var effective = await fees.EffectiveForAsync(asset.Id, now, cancellationToken);
        var schedule = effective.Schedule;
        var split = asset.Split!;
        var input = new DistributionInput(
            gross ?? undistributed,
            effective.DistributionFee.Value,
            effective.ManagementFeePerYear.Value,
            asset.Terms!.OfferingValue.MinorUnits,
            start,
            end,
            latest?.ManagementFeeCarriedOut ?? 0,
            split.Payees.Select(p => new PayeeShare(p.Label, p.Address, p.Bps)).ToList(),
            split.HoldersBps,
            holders);
        var result = DistributionCalculator.Compute(input);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var funder = await wallets.FindAsync(userId, cancellationToken);
        long balance;
        try
        {
            balance = funder is null ? 0 : await chain.StablecoinBalanceAsync(funder.Address, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now. Try again in a moment.");
        }

        return new DistributionPlan(asset, input, result.Value, schedule.Id, record, undistributed, pending.Count, funder?.Address ?? "", balance, pending.Select(e => e.Id).ToList());
    }

    /// <summary>Unsold fractions sit in the sale escrow; their share belongs to the issuer.</summary>
    private static List<HolderPosition> MergeEscrowIntoIssuer(IReadOnlyList<HolderPosition> positions, string? escrow, string? issuer)
    {
        if (escrow is null || issuer is null)
        {
            return [.. positions];
        }

        var escrowed = positions.Where(p => string.Equals(p.Address, escrow, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Fractions);
        var merged = positions.Where(p => !string.Equals(p.Address, escrow, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(p.Address, issuer, StringComparison.OrdinalIgnoreCase)).ToList();
        var issuerOwn = positions.Where(p => string.Equals(p.Address, issuer, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Fractions);
        if (escrowed + issuerOwn > 0)
        {
            merged.Add(new HolderPosition(issuer, escrowed + issuerOwn));
        }

        return merged;
    }
}

/// <summary>
/// The preview (API and page): every line a distribution would pay, nothing executed. Gross defaults to
/// the revenue not yet distributed, record time to now, the period to "since the last distribution".
/// </summary>
public sealed record PreviewDistribution(string UserId, AssetId AssetId, long? Gross = null, DateTimeOffset? RecordTime = null, DateTimeOffset? PeriodStart = null, DateTimeOffset? PeriodEnd = null)
    : IQuery<Result<DistributionPlan>>;

public sealed class PreviewDistributionHandler(DistributionPlanner planner) : IQueryHandler<PreviewDistribution, Result<DistributionPlan>>
{
    public async ValueTask<Result<DistributionPlan>> Handle(PreviewDistribution query, CancellationToken cancellationToken) =>
        await planner.PlanAsync(query.UserId, query.AssetId, query.Gross, query.RecordTime, query.PeriodStart, query.PeriodEnd, cancellationToken);
}

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
