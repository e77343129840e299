using TokenPlatform.Domain.Assets;
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
    Money Undistributed,
    int UndistributedEvents,
    string FunderAddress,
    Money FunderBalance,
    IReadOnlyList<Guid> EventIds,
    Money FromDeposits = default,
    Guid? AuthorizationId = null,
    string? AuthorizedWallet = null)
{
    /// <summary>What the funder's wallet pays in: the gross minus what already sits at the asset's deposit address.</summary>
    public Money FromWallet => Result.Gross - FromDeposits;
}

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
    /// <summary>
    /// The most one distribution pays (1,000,000,000,000 USD): far above any real period, and small enough
    /// that every on-chain amount (a holder's cumulative entitlement is 64-bit there) stays in range.
    /// </summary>
    public const long MaxGross = 1_000_000_000_000L * Money.UnitsPerWhole;

    /// <summary>
    /// An automatic run (distribution policy): the revenue paid to the asset's deposit address, which is
    /// already on chain, and, up to <paramref name="walletBudget"/> (what the issuer's standing authorization
    /// and wallet allow), the confirmed revenue recorded by form, statement or API, oldest first.
    /// </summary>
    public Task<Result<DistributionPlan>> PlanAutomaticAsync(AssetId assetId, Money walletBudget, CancellationToken cancellationToken) =>
        PlanCoreAsync(null, assetId, null, null, null, null, cancellationToken, walletBudget);

    public Task<Result<DistributionPlan>> PlanAsync(string userId, AssetId assetId, Money? gross, DateTimeOffset? recordTime, DateTimeOffset? periodStart,
        DateTimeOffset? periodEnd, CancellationToken cancellationToken) =>
        PlanCoreAsync(userId, assetId, gross, recordTime, periodStart, periodEnd, cancellationToken);

    private async Task<Result<DistributionPlan>> PlanCoreAsync(string? userId, AssetId assetId, Money? gross, DateTimeOffset? recordTime, DateTimeOffset? periodStart,
        DateTimeOffset? periodEnd, CancellationToken cancellationToken, Money walletBudget = default)
    {
        var loaded = userId is null ? await access.LoadLiveAsync(assetId, cancellationToken) : await access.LoadAsync(assetId, userId, cancellationToken);
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
        // The oldest confirmed events up to what one distribution may carry; the rest waits for the next run,
        // so no amount of revenue can make an asset undistributable.
        var pending = new List<RevenueEvent>();
        long undistributed = 0;
        long fromWallet = 0;
        foreach (var e in await revenue.UndistributedAsync(assetId, cancellationToken))
        {
            // An automatic run draws on a wallet only what its standing authorization allows; the rest waits.
            var drawn = userId is null && e.Channel != RevenueChannel.Deposit;
            if (drawn && fromWallet + e.AmountMinorUnits > walletBudget.MinorUnits)
            {
                continue;
            }

            if (undistributed + e.AmountMinorUnits > MaxGross)
            {
                continue;
            }

            pending.Add(e);
            undistributed += e.AmountMinorUnits;
            fromWallet += drawn ? e.AmountMinorUnits : 0;
        }
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
            gross ?? Money.FromMinorUnits(undistributed).Value,
            effective.DistributionFee.Value,
            effective.ManagementFeePerYear.Value,
            asset.Terms!.OfferingValue,
            start,
            end,
            latest?.ManagementFeeCarriedOut ?? Money.Zero,
            split.Payees.Select(p => new PayeeShare(p.Label, p.Address, p.Bps)).ToList(),
            split.HoldersBps,
            holders);
        var result = DistributionCalculator.Compute(input);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var funder = userId is null ? null : await wallets.FindAsync(userId, cancellationToken);
        Money balance;
        try
        {
            // The chain reports the balance as a 64-bit integer of minor units (never negative).
            balance = funder is null ? Money.Zero : Money.FromMinorUnits(await chain.StablecoinBalanceAsync(funder.Address, cancellationToken)).Value;
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now. Try again in a moment.");
        }

        // Deposits are already on chain at the asset's deposit address: they fund their part of the gross.
        var fromDeposits = gross is null ? pending.Where(e => e.Channel == RevenueChannel.Deposit).Sum(e => e.AmountMinorUnits) : 0;
        return new DistributionPlan(asset, input, result.Value, schedule.Id, record, Money.FromMinorUnits(undistributed).Value, pending.Count, funder?.Address ?? "", balance, pending.Select(e => e.Id).ToList(),
            Money.FromMinorUnits(fromDeposits).Value);
    }

    /// <summary>Unsold fractions sit in the sale escrow; their share belongs to the issuer.</summary>
    private static List<HolderPosition> MergeEscrowIntoIssuer(IReadOnlyList<HolderPosition> positions, string? escrow, string? issuer)
    {
        if (escrow is null || issuer is null)
        {
            return [.. positions];
        }

        var escrowed = positions.Where(p => EthAddress.Comparer.Equals(p.Address, escrow)).Sum(p => p.Fractions);
        var merged = positions.Where(p => !EthAddress.Comparer.Equals(p.Address, escrow)
            && !EthAddress.Comparer.Equals(p.Address, issuer)).ToList();
        var issuerOwn = positions.Where(p => EthAddress.Comparer.Equals(p.Address, issuer)).Sum(p => p.Fractions);
        if (escrowed + issuerOwn > 0)
        {
            merged.Add(new HolderPosition(issuer, escrowed + issuerOwn));
        }

        return merged;
    }
}
