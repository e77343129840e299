namespace TokenPlatform.Domain.Distributions;

/// <summary>What the distributor already paid each leaf (read from the chain).</summary>
public interface IPayoutChainReader
{
    Task<long> ClaimedAsync(long onChainTokenId, int index, CancellationToken cancellationToken);

    /// <summary>The asset's holder pool: funded, paid out and entitled so far, and the root the chain holds.</summary>
    Task<HolderPool> PoolAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>What the royalty splitter still owes a payee (credited, not yet withdrawn: e.g. while frozen).</summary>
    Task<long> PayeeCreditAsync(string payee, CancellationToken cancellationToken);
}

/// <param name="Root">The cumulative entitlement root the distributor verifies claims against (0x-hex, zero when never funded).</param>
public sealed record HolderPool(long Funded, long Paid, long TotalEntitled, string Root)
{
    /// <summary>Owed to holders and not yet claimed or pushed.</summary>
    public long Unclaimed => TotalEntitled - Paid;
}
