using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Funding;

/// <summary>
/// The wallet's signatures that reach the chain in order: the router keeps one authorization per wallet
/// with a nonce, and the stablecoin's permits share one nonce per wallet, so each new signed operation of a
/// wallet (grant, revocation) waits for the last one still on its way, whatever authorization it belonged to.
/// </summary>
public static class FundingChain
{
    /// <summary>The wallet's latest signed operation not yet final (null when every earlier one is final).</summary>
    public static async Task<Guid?> PendingTailAsync(IFundingAuthorizationStore authorizations, IChainMonitor monitor, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorizations);
        ArgumentNullException.ThrowIfNull(monitor);
        var pending = new List<ChainOperationView>();
        foreach (var a in await authorizations.ListAsync(userId, 5, cancellationToken))
        {
            pending.AddRange(await monitor.ListByKeyPrefixAsync(OperationKeys.FundingAuthorizationPrefix(a.Id), cancellationToken));
        }

        // A manual run's permit to the operator uses the same stablecoin nonce.
        pending.AddRange(await monitor.ListByKeyPrefixAsync(OperationKeys.OperatorAllowance(userId), cancellationToken));
        return pending.Where(o => o.Status is not (ChainOperationStatus.Confirmed or ChainOperationStatus.Failed or ChainOperationStatus.Cancelled))
            .OrderByDescending(o => o.CreatedAt).Select(o => (Guid?)o.Id).FirstOrDefault();
    }
}
