namespace TokenPlatform.Domain.Distributions;

/// <summary>The steps of a distribution's chain operations, each keyed <see cref="Chain.OperationKeys.DistributionStep"/>.</summary>
public static class DistributionSteps
{
    /// <summary>Pulls the fees from the funder to the treasury (money moves).</summary>
    public const string Fees = "fees";

    /// <summary>Pulls the rest from the funder to the splitter (money moves).</summary>
    public const string ToSplitter = "to-splitter";

    /// <summary>Releases the deposits at the asset's deposit address: fees to the treasury, the rest into the stream (money moves).</summary>
    public const string ReleaseDeposit = "release-deposit";

    /// <summary>An automatic run's payout on the router: releases, draws, splits, funds, withdraws the payees and pushes, atomically (money moves).</summary>
    public const string Payout = "payout";

    /// <summary>Withdraws the payees' shares from the splitter to them (a manual run).</summary>
    public const string WithdrawPayees = "withdraw-payees";

    /// <summary>Splits the stream and funds the holder pool with the new root, in one transaction.</summary>
    public const string FundHolders = "fund-holders";

    /// <summary>Pushes one batch of holder payouts (after the funding step), in batch order.</summary>
    public static string Push(int batch) => $"push:{batch}";

    /// <summary>The steps that move the gross in (from the funder or the deposit address): until one of them ran, a failed distribution can be undone.</summary>
    public static bool MovesMoney(Guid distributionId, string idempotencyKey) =>
        ((string[])[Fees, ToSplitter, ReleaseDeposit, Payout]).Any(step => idempotencyKey == Chain.OperationKeys.DistributionStep(distributionId, step));
}
