using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>What the distributor already paid each leaf (read from the chain).</summary>
public interface IPayoutChainReader
{
    Task<Money> ClaimedAsync(long onChainTokenId, int index, CancellationToken cancellationToken);

    /// <summary>The asset's holder pool: funded, paid out and entitled so far, and the root the chain holds.</summary>
    Task<HolderPool> PoolAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>What the royalty splitter still owes a payee (credited, not yet withdrawn: e.g. while frozen).</summary>
    Task<Money> PayeeCreditAsync(string payee, CancellationToken cancellationToken);
}

/// <param name="Root">The cumulative entitlement root the distributor verifies claims against (0x-hex, zero when never funded).</param>
public sealed record HolderPool(Money Funded, Money Paid, Money TotalEntitled, string Root)
{
    /// <summary>
    /// Owed to holders and not yet claimed or pushed. The chain pays no more than it owes, but the figures
    /// may be read at two different blocks (a claim between them): that reads as nothing unclaimed, never as a failure.
    /// </summary>
    public Money Unclaimed => TotalEntitled > Paid ? TotalEntitled - Paid : Money.Zero;
}
