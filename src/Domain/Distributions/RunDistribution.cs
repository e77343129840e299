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
    Money ExpectedGross,
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
    DistributionExecutor executor,
    IDistributionStore distributions,
    WalletCommitments commitments,
    IUnitOfWork unitOfWork) : ICommandHandler<RunDistribution, Result<Guid>>
{
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
        if (plan.Undistributed == Money.Zero)
        {
            return Error.Validation("Gross", "There is no undistributed revenue to distribute.");
        }

        if (result.Gross != command.ExpectedGross)
        {
            return Error.Conflict("distribution.changed", $"The undistributed revenue is now {result.Gross} USD (it changed since your preview). Review the new preview and run it again.");
        }

        if (plan.FeeScheduleId != command.AcceptedFeeScheduleId
            || command.AcceptedDistributionFeeBps != plan.Input.DistributionFeeBps
            || command.AcceptedManagementFeeBps != plan.Input.ManagementFeeBpsPerYear)
        {
            return Error.Conflict("fees.changed",
                $"The platform's fees changed since your preview: the distribution fee is now {BasisPoints.Create(plan.Input.DistributionFeeBps).Value} ({result.DistributionFee} USD) "
                + $"and the management fee {BasisPoints.Create(plan.Input.ManagementFeeBpsPerYear).Value} a year ({result.ManagementFee} USD this period). Review the new breakdown and run it again.");
        }

        // Also what automatic runs still draw on this wallet under its standing authorization.
        var reserved = (await commitments.OfAsync(command.UserId, plan.FunderAddress, cancellationToken)).Total;
        // What the wallet holds beyond what is reserved, compared without going below zero (reserved may exceed the balance).
        if (plan.FromWallet > Money.Zero && plan.FunderBalance < reserved + plan.FromWallet)
        {
            var held = reserved > Money.Zero ? $", of which {reserved} USD are still to be paid in by your distributions in progress" : "";
            var deposits = plan.FromDeposits > Money.Zero ? $" ({plan.FromDeposits} USD of the gross is already at the asset's deposit address)" : "";
            return Error.Validation("Funds", $"Your wallet holds {plan.FunderBalance} USD{held}; the distribution needs {plan.FromWallet} USD from it{deposits}. Deposit the revenue to your wallet first.");
        }

        var executed = await executor.ExecuteAsync(plan, previous, command.UserId, cancellationToken);
        if (executed.IsSuccess)
        {
            await section.CommitAsync(cancellationToken);
        }

        return executed;
    }
}
