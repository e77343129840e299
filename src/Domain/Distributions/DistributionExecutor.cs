using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Records a planned distribution (every line, the holders' new cumulative entitlements, its revenue
/// events) and queues its chain steps, in the caller's unit of work and exclusive section. Manual runs
/// and automatic runs (distribution policy) go through here alike: same waterfall, outbox and proofs.
/// </summary>
public sealed class DistributionExecutor(
    IDistributionStore distributions,
    IRevenueStore revenue,
    IEntitlementLedger ledger,
    IWalletService wallets,
    IChainOutbox outbox,
    IChainMonitor monitor,
    Funding.IFundingAuthorizationStore authorizations,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public const int PushBatchSize = 100;

    /// <summary>The funder of an automatic run: the money is already at the asset's deposit address.</summary>
    public const string PlatformFunder = "platform";

    public async Task<Result<Guid>> ExecuteAsync(DistributionPlan plan, Distribution? previous, string funderUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = plan.Result;
        var assetId = plan.Asset.Id;
        var stream = plan.Asset.StreamId;
        if (stream is null)
        {
            return Error.Conflict("stream.missing", "The asset's revenue split is not registered on chain yet.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var tokenId = plan.Asset.OnChainTokenId!.Value;
        EntitlementUpdate? update = null;
        if (result.HoldersShare > Money.Zero)
        {
            var paid = result.Holders.Where(h => h.Amount > Money.Zero).ToList();
            var owners = await wallets.FindByAddressesAsync(paid.Select(h => h.Address).ToList(), cancellationToken);
            var pushTo = paid.Where(h => !owners.TryGetValue(h.Address, out var w) || w.PayoutPreference == PayoutPreference.AutoPay)
                .Select(h => h.Address).ToHashSet(EthAddress.Comparer);
            update = await ledger.AddAsync(tokenId, result.Holders, pushTo, PushBatchSize, cancellationToken);
        }

        // Holders receive nothing this time: the published root and total stay as the chain holds them.
        var (root, totalEntitled) = update is not null ? (update.Root, Money.FromMinorUnits(update.TotalEntitled).Value) : (previous?.MerkleRoot ?? "", previous?.TotalEntitled ?? Money.Zero);
        var distribution = new Distribution(id, assetId, tokenId, plan.RecordTime, plan.Input, result, plan.FeeScheduleId, funderUserId, plan.FunderAddress,
            root, totalEntitled, Lines(result, update), now, plan.FromDeposits, plan.AuthorizationId, plan.AuthorizedWallet);
        // Exactly the events the gross was computed from (revenue recorded meanwhile waits for the next run).
        var included = plan.EventIds.ToHashSet();
        var events = (await revenue.UndistributedForUpdateAsync(assetId, cancellationToken)).Where(e => included.Contains(e.Id)).ToList();
        if (events.Count != included.Count || events.Aggregate(Int128.Zero, (sum, e) => sum + e.AmountMinorUnits) != result.Gross.MinorUnits)
        {
            return Error.Conflict("distribution.changed", "The undistributed revenue changed while the distribution was prepared. Review the new preview and run it again.");
        }

        foreach (var e in events)
        {
            e.AssignTo(id);
        }

        var (first, funding, last) = funderUserId == PlatformFunder
            ? await EnqueueAutomaticAsync(distribution, plan, stream.Value, update, cancellationToken)
            : await EnqueueAsync(distribution, plan, stream.Value, update, cancellationToken);
        distribution.Track(first, funding, last);
        distributions.Add(distribution);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Where the gross comes from: deposits first pay the fees, then the stream; the wallet pays the rest.
    /// </summary>
    public static (Money FeesFromDeposits, Money ToStreamFromDeposits, Money FeesFromWallet, Money ToStreamFromWallet) Parts(Distribution d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var fees = d.DistributionFee + d.ManagementFee;
        var feesFromDeposits = Money.Min(fees, d.FromDeposits);
        var feesFromWallet = fees - feesFromDeposits;
        return (feesFromDeposits, d.FromDeposits - feesFromDeposits, feesFromWallet, d.Gross - d.FromDeposits - feesFromWallet);
    }

    private static List<DistributionLine> Lines(DistributionResult result, EntitlementUpdate? update)
    {
        var byAddress = (update?.Holders ?? []).ToDictionary(h => h.Address, EthAddress.Comparer);
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
            return new DistributionLine(order + i, DistributionLineKind.Holder, null, h.Address, null, h.Fractions, h.Amount, leaf?.Index,
                leaf is null ? null : Money.FromMinorUnits(leaf.Cumulative).Value);
        }));
        return lines;
    }

    /// <summary>
    /// An automatic run: one payout-router operation releases the deposits, draws the wallet's part under
    /// its standing authorization, splits the stream, funds the holders, withdraws the payees and pushes
    /// the first batch of auto-paid holders, atomically (when it fails, nothing moved); the other push
    /// batches follow it, independent of each other, so they can share the next block. Several assets'
    /// payouts due at once share one transaction (the outbox groups them).
    /// </summary>
    private async Task<(Guid First, Guid Funding, Guid Last)> EnqueueAutomaticAsync(Distribution d, DistributionPlan plan, long streamId, EntitlementUpdate? update, CancellationToken cancellationToken)
    {
        var (feesFromDeposits, toStreamFromDeposits, feesFromWallet, toStreamFromWallet) = Parts(d);
        var split = plan.Asset.Split!;
        var batches = update?.PushBatches ?? [];
        var firstBatch = batches.Count > 0 ? batches[0] : null;
        var paidPayees = d.Lines.Where(l => l.Kind == DistributionLineKind.Payee && l.Amount > Money.Zero).Select(l => l.Address!).Distinct(EthAddress.Comparer).ToList();
        // The chain command carries uint256 amounts: minor units at this edge.
        var command = new ExecutePayoutOnChain(d.Id, d.OnChainTokenId, streamId, feesFromDeposits.MinorUnits, toStreamFromDeposits.MinorUnits,
            feesFromWallet + toStreamFromWallet > Money.Zero ? d.AuthorizedWallet : null, feesFromWallet.MinorUnits, toStreamFromWallet.MinorUnits,
            split.Payees.Select(p => p.Address).ToList(), split.Payees.Select(p => (ushort)p.Bps).ToList(), (ushort)split.HoldersBps,
            update is not null, update?.Root ?? "0x" + new string('0', 64), update?.TotalEntitled ?? 0, paidPayees,
            firstBatch?.Entries.Select(e => new PayoutLeaf(e.Index, e.Address, e.Cumulative)).ToList() ?? [], firstBatch?.Proof ?? [], firstBatch?.Flags ?? []);
        var payout = await outbox.EnqueueAsync(command, OperationKeys.DistributionStep(d.Id, DistributionSteps.Payout), cancellationToken);
        var last = payout.Id;
        for (var i = 1; i < batches.Count; i++)
        {
            var batch = batches[i];
            last = (await outbox.EnqueueAfterAsync(new PushPayoutsOnChain(d.Id, d.OnChainTokenId, batch.Entries.Select(e => new PayoutLeaf(e.Index, e.Address, e.Cumulative)).ToList(), batch.Proof, batch.Flags),
                OperationKeys.DistributionStep(d.Id, DistributionSteps.Push(i)), payout.Id, cancellationToken)).Id;
        }

        return (payout.Id, payout.Id, last);
    }

    /// <summary>
    /// One linear chain of operations, each waiting for the previous one: the funder's permit (when the
    /// wallet pays a part), the deposit's release, the wallet's pulls, then the split and holder funding,
    /// the payees and the pushes. Distributions of different assets do not wait for each other: the
    /// splitter keeps each stream's holders' share apart and releases it only into that asset's pool.
    /// </summary>
    private async Task<(Guid First, Guid Funding, Guid Last)> EnqueueAsync(Distribution d, DistributionPlan plan, long streamId, EntitlementUpdate? update, CancellationToken cancellationToken)
    {
        Guid? previous = null;
        Guid? first = null;

        async Task<Guid> Then(ChainCommand command, string key)
        {
            var queued = previous is { } after
                ? await outbox.EnqueueAfterAsync(command, key, after, cancellationToken)
                : await outbox.EnqueueAsync(command, key, cancellationToken);
            previous = queued.Id;
            return queued.Id;
        }

        async Task<Guid> Step(ChainCommand command, string step)
        {
            var queued = await Then(command, OperationKeys.DistributionStep(d.Id, step));
            first ??= queued;
            return queued;
        }

        var (feesFromDeposits, toStreamFromDeposits, feesFromWallet, toStreamFromWallet) = Parts(d);
        // The permit first: it moves no money and may be an operation that already exists (shared with the
        // funder's other distributions), so it can only ever be the head of the chain, never in its middle.
        if (feesFromWallet + toStreamFromWallet > Money.Zero)
        {
            var permitKey = OperationKeys.OperatorAllowance(d.FunderUserId);
            var permits = await monitor.ListByKeyPrefixAsync(permitKey, cancellationToken);
            if (permits.LastOrDefault(p => p.Status is not (ChainOperationStatus.Failed or ChainOperationStatus.Cancelled)) is { } usable)
            {
                permitKey = usable.IdempotencyKey;
            }
            else if (permits.Count > 0)
            {
                // Every earlier permit failed (e.g. signed with a nonce another permit used first): sign a new one.
                permitKey = OperationKeys.OperatorAllowance(d.FunderUserId, clock.GetUtcNow());
            }

            // A new permit reads the wallet's permit nonce when it is signed: after the wallet's signed
            // operations still on their way (its standing authorization's permits share that nonce).
            if (!permits.Any(p => p.IdempotencyKey == permitKey))
            {
                previous = await Funding.FundingChain.PendingTailAsync(authorizations, monitor, d.FunderUserId, cancellationToken);
            }

            await Then(new AllowOperatorSpendingOnChain(d.FunderUserId, d.FunderAddress), permitKey);
        }

        // The chain commands carry uint256 amounts: minor units at this edge.
        if (d.FromDeposits > Money.Zero)
        {
            await Step(new ReleaseDepositOnChain(d.Id, d.OnChainTokenId, feesFromDeposits.MinorUnits, toStreamFromDeposits.MinorUnits), DistributionSteps.ReleaseDeposit);
        }

        if (feesFromWallet > Money.Zero)
        {
            await Step(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Treasury, feesFromWallet.MinorUnits), DistributionSteps.Fees);
        }

        if (toStreamFromWallet > Money.Zero)
        {
            await Step(new PullFundsOnChain(d.Id, d.FunderAddress, PayoutDestination.Splitter, toStreamFromWallet.MinorUnits), DistributionSteps.ToSplitter);
            await Step(new AssignToStreamOnChain(d.Id, streamId, toStreamFromWallet.MinorUnits), "assign");
        }

        var funding = Guid.Empty;
        if (toStreamFromDeposits + toStreamFromWallet > Money.Zero)
        {
            var split = plan.Asset.Split!;
            var payees = split.Payees.Select(p => p.Address).ToList();
            var bps = split.Payees.Select(p => (ushort)p.Bps).ToList();
            if (update is not null)
            {
                funding = await Step(new FundHoldersOnChain(d.Id, d.OnChainTokenId, streamId, payees, bps, (ushort)split.HoldersBps, update.Root, update.TotalEntitled), DistributionSteps.FundHolders);
            }
            else
            {
                await Step(new DistributeStreamOnChain(d.Id, streamId, payees, bps, (ushort)split.HoldersBps), "split");
            }

            var paidPayees = d.Lines.Where(l => l.Kind == DistributionLineKind.Payee && l.Amount > Money.Zero).Select(l => l.Address!).Distinct(EthAddress.Comparer).ToList();
            if (paidPayees.Count > 0)
            {
                await Step(new WithdrawPayeesOnChain(d.Id, paidPayees), DistributionSteps.WithdrawPayees);
            }

            for (var i = 0; i < (update?.PushBatches.Count ?? 0); i++)
            {
                var batch = update!.PushBatches[i];
                await Step(new PushPayoutsOnChain(d.Id, d.OnChainTokenId, batch.Entries.Select(e => new PayoutLeaf(e.Index, e.Address, e.Cumulative)).ToList(), batch.Proof, batch.Flags), DistributionSteps.Push(i));
            }
        }

        return (first ?? previous!.Value, funding == Guid.Empty ? previous!.Value : funding, previous!.Value);
    }
}
