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
/// Executes the distribution of the asset's undistributed, confirmed revenue: records every line, adds
/// the holders' amounts to the cumulative entitlements, marks the revenue distributed and queues the
/// chain work in one commit - pull the fees to the treasury and the rest to the splitter, then split the
/// stream and fund the holder pool with the new root in one transaction, pay the payees, push to
/// auto-pay holders. <paramref name="ExpectedGross"/> and the fees are what the user previewed: if
/// revenue arrived or the fees changed since (schedule or asset override), nothing runs (409).
/// </summary>
public sealed record RunDistribution(
    string UserId,
    AssetId AssetId,
    long ExpectedGross,
    Guid? AcceptedFeeScheduleId,
    int? AcceptedDistributionFeeBps = null,
    int? AcceptedManagementFeeBps = null,
    DateTimeOffset? RecordTime = null,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null)
    : ICommand<Result<Guid>>;

public sealed class RunDistributionHandler(
    DistributionPlanner planner,
    DistributionCompensation compensation,
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
        if (command.AcceptedFeeScheduleId is null || command.AcceptedDistributionFeeBps is null || command.AcceptedManagementFeeBps is null)
        {
            // An asset's fee override keeps the schedule id: the fees themselves are part of what was accepted.
            return Error.Validation(command.AcceptedFeeScheduleId is null ? "FeeScheduleId" : command.AcceptedDistributionFeeBps is null ? "DistributionFeeBps" : "ManagementFeeBpsPerYear",
                "Send the fees of the preview you accept: feeScheduleId, distributionFeeBps and managementFeeBpsPerYear.");
        }

        // One distribution at a time, platform-wide: two runs of one asset would both add to the same
        // cumulative entitlements, and two runs of one funder would both count the same balance.
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var previous = await distributions.LatestAsync(command.AssetId, cancellationToken);
        if (previous is { Status: DistributionStatus.Executing })
        {
            return Error.Conflict("distribution.unfinished", "The previous distribution of this asset is still being paid out on chain; it finishes by itself. Run the next one when it has completed.");
        }

        if (previous is { Status: DistributionStatus.Failed })
        {
            if (await compensation.TryCancelAsync(previous.Id, command.UserId, "a new distribution of the asset was requested", cancellationToken))
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                await section.CommitAsync(cancellationToken);
                return Error.Conflict("distribution.changed", "The previous distribution of this asset failed before any money moved and was cancelled: its revenue is undistributed again. Review the new preview and run it again.");
            }

            return Error.Conflict("distribution.failed", $"The previous distribution of this asset stopped part-way after money moved ({previous.FailureReason}). Resume it from its page; nothing is lost.");
        }

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

        if (plan.FeeScheduleId != command.AcceptedFeeScheduleId
            || command.AcceptedDistributionFeeBps != plan.Input.DistributionFeeBps
            || command.AcceptedManagementFeeBps != plan.Input.ManagementFeeBpsPerYear)
        {
            return Error.Conflict("fees.changed",
                $"The platform's fees changed since your preview: the distribution fee is now {BasisPoints.Create(plan.Input.DistributionFeeBps).Value} ({Money.FromMinorUnits(result.DistributionFee).Value} USD) "
                + $"and the management fee {BasisPoints.Create(plan.Input.ManagementFeeBpsPerYear).Value} a year ({Money.FromMinorUnits(result.ManagementFee).Value} USD this period). Review the new breakdown and run it again.");
        }

        var reserved = await ReservedByFunderAsync(command.UserId, cancellationToken);
        if (plan.FunderBalance - reserved < result.Gross)
        {
            var held = reserved > 0 ? $", of which {Money.FromMinorUnits(reserved).Value} USD are still to be paid in by your distributions in progress" : "";
            return Error.Validation("Funds", $"Your wallet holds {Money.FromMinorUnits(plan.FunderBalance).Value} USD{held}; the distribution needs {Money.FromMinorUnits(result.Gross).Value} USD. Deposit the revenue to your wallet first.");
        }

        var stream = await StreamIdAsync(command.AssetId, cancellationToken);
        if (stream is null)
        {
            return Error.Conflict("stream.missing", "The asset's revenue split is not registered on chain yet.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var tokenId = plan.Asset.OnChainTokenId!.Value;
        EntitlementUpdate? update = null;
        if (result.HoldersShare > 0)
        {
            var paid = result.Holders.Where(h => h.Amount > 0).ToList();
            var owners = await wallets.FindByAddressesAsync(paid.Select(h => h.Address).ToList(), cancellationToken);
            var pushTo = paid.Where(h => !owners.TryGetValue(h.Address, out var w) || w.PayoutPreference == PayoutPreference.AutoPay)
                .Select(h => h.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            update = await ledger.AddAsync(tokenId, result.Holders, pushTo, PushBatchSize, cancellationToken);
        }

        // Holders receive nothing this time: the published root and total stay as the chain holds them.
        var (root, totalEntitled) = update is not null ? (update.Root, update.TotalEntitled) : (previous?.MerkleRoot ?? "", previous?.TotalEntitled ?? 0);
        var distribution = new Distribution(id, command.AssetId, tokenId, plan.RecordTime, plan.Input, result, plan.FeeScheduleId, command.UserId, plan.FunderAddress,
            root, totalEntitled, Lines(result, update), now);
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

    /// <summary>What the funder's other distributions still have to pull from its wallet (their pull steps not yet confirmed).</summary>
    private async Task<long> ReservedByFunderAsync(string funderUserId, CancellationToken cancellationToken)
    {
        long reserved = 0;
        foreach (var d in await distributions.ListUnfinishedByFunderAsync(funderUserId, cancellationToken))
        {
            var ops = await monitor.ListByKeyPrefixAsync(DistributionSteps.KeyPrefix(d.Id), cancellationToken);
            bool Pulled(string step) => ops.Any(o => o.IdempotencyKey == DistributionSteps.Key(d.Id, step) && o.Status == ChainOperationStatus.Confirmed);
            var fees = d.DistributionFee + d.ManagementFee;
            reserved += (Pulled(DistributionSteps.Fees) ? 0 : fees) + (Pulled(DistributionSteps.ToSplitter) ? 0 : d.Gross - fees);
        }

        return reserved;
    }

    private static List<DistributionLine> Lines(DistributionResult result, EntitlementUpdate? update)
    {
        var byAddress = (update?.Holders ?? []).ToDictionary(h => h.Address, StringComparer.OrdinalIgnoreCase);
        var lines = new List<DistributionLine>
        {
            new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, result.DistributionFee),
            new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, result.ManagementFee),
        };
        lines.AddRange(result.Payees.Select((p, i) => new DistributionLine(2 + i, DistributionLineKind.Payee, p.Label, p.Address, p.Bps, null, p.Amount)));
        var order = lines.Count;
        lines.AddRange(result.Holders.Select((h, i) =>
        {
            var leaf = byAddress.GetValueOrDefault(h.Address);
            return new DistributionLine(order + i, DistributionLineKind.Holder, null, h.Address, null, h.Fractions, h.Amount, leaf?.Index, leaf?.Cumulative);
        }));
        return lines;
    }

    /// <summary>
    /// One linear chain of operations, each waiting for the previous one, the first for the funder's
    /// permit. Distributions of different assets do not wait for each other: the splitter keeps each
    /// stream's holders' share apart and releases it only into that asset's pool.
    /// </summary>
    private async Task<(Guid First, Guid Funding, Guid Last)> EnqueueAsync(Distribution d, DistributionPlan plan, long streamId, EntitlementUpdate? update, CancellationToken cancellationToken)
    {
        var permitCommand = new AllowOperatorSpendingOnChain(d.FunderUserId, d.FunderAddress);
        var permitKey = $"wallet:{d.FunderUserId}:operator-allowance";
        var permits = await monitor.ListByKeyPrefixAsync(permitKey, cancellationToken);
        if (permits.LastOrDefault(p => p.Status is not (ChainOperationStatus.Failed or ChainOperationStatus.Cancelled)) is { } usable)
        {
            permitKey = usable.IdempotencyKey;
        }
        else if (permits.Count > 0)
        {
            // Every earlier permit failed (e.g. signed with a nonce another permit used first): sign a new one.
            permitKey = $"{permitKey}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        }

        var permit = await outbox.EnqueueAsync(permitCommand, permitKey, cancellationToken);
        var previous = permit.Id;
        Guid? first = null;

        async Task<Guid> Then(ChainCommand command, string step)
        {
            var queued = await outbox.EnqueueAfterAsync(command, DistributionSteps.Key(d.Id, step), previous, cancellationToken);
            previous = queued.Id;
            first ??= queued.Id;
            return queued.Id;
        }

        var fees = d.DistributionFee + d.ManagementFee;
        if (fees > 0)
        {
            await Then(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Treasury, fees), DistributionSteps.Fees);
        }

        var afterFees = d.Gross - fees;
        var funding = Guid.Empty;
        if (afterFees > 0)
        {
            await Then(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Splitter, afterFees), DistributionSteps.ToSplitter);
            var split = plan.Asset.Split!;
            var payees = split.Payees.Select(p => p.Address).ToList();
            var bps = split.Payees.Select(p => (ushort)p.Bps).ToList();
            await Then(new AssignToStreamOnChain(d.Id, streamId, afterFees), "assign");
            if (update is not null)
            {
                funding = await Then(new FundHoldersOnChain(d.Id, d.OnChainTokenId, streamId, payees, bps, (ushort)split.HoldersBps, update.Root, update.TotalEntitled), DistributionSteps.FundHolders);
            }
            else
            {
                await Then(new DistributeStreamOnChain(d.Id, streamId, payees, bps, (ushort)split.HoldersBps), "split");
            }

            var paidPayees = d.Lines.Where(l => l.Kind == DistributionLineKind.Payee && l.Amount > 0).Select(l => l.Address!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (paidPayees.Count > 0)
            {
                await Then(new WithdrawPayeesOnChain(d.Id, paidPayees), "withdraw-payees");
            }

            for (var i = 0; i < (update?.PushBatches.Count ?? 0); i++)
            {
                var batch = update!.PushBatches[i];
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
