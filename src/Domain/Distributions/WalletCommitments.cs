using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <param name="Manual">What the user's manual runs in progress still have to pull (pull steps not confirmed).</param>
/// <param name="Automatic">What automatic runs in progress still draw under the wallet's standing authorization (payout not confirmed).</param>
public sealed record WalletCommitment(Money Manual, Money Automatic)
{
    public Money Total => Manual + Automatic;
}

/// <summary>
/// What unfinished distributions will still take from a wallet: both a manual run and an automatic run
/// check it against the balance, so two of them never count on the same money.
/// </summary>
public sealed class WalletCommitments(IDistributionStore distributions, IChainMonitor monitor)
{
    public async Task<WalletCommitment> OfAsync(string userId, string? wallet, CancellationToken cancellationToken)
    {
        Money manual = Money.Zero, automatic = Money.Zero;
        foreach (var d in await distributions.ListUnfinishedDrawingOnAsync(userId, wallet, cancellationToken))
        {
            var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(d.Id), cancellationToken);
            bool Done(string step) => ops.Any(o => o.IdempotencyKey == OperationKeys.DistributionStep(d.Id, step) && o.Status == ChainOperationStatus.Confirmed);
            if (d.FunderUserId == userId)
            {
                var (_, _, feesFromWallet, toStreamFromWallet) = DistributionExecutor.Parts(d);
                manual += (Done(DistributionSteps.Fees) ? Money.Zero : feesFromWallet) + (Done(DistributionSteps.ToSplitter) ? Money.Zero : toStreamFromWallet);
            }
            else if (d.AuthorizationId is not null && !Done(DistributionSteps.Payout))
            {
                automatic += d.FromWallet;
            }
        }

        return new WalletCommitment(manual, automatic);
    }
}
