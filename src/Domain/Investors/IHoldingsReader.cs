namespace TokenPlatform.Domain.Investors;

/// <summary>The indexer's holdings read model (confirmed blocks only).</summary>
public interface IHoldingsReader
{
    /// <summary>Positive balances of an address: on-chain asset id -> fractions.</summary>
    Task<IReadOnlyDictionary<long, long>> ByAddressAsync(string address, CancellationToken cancellationToken);

    /// <summary>Fractions still in the primary-sale escrow per on-chain asset id (missing ids are unknown yet).</summary>
    Task<IReadOnlyDictionary<long, long>> InEscrowAsync(IReadOnlyCollection<long> tokenIds, CancellationToken cancellationToken);
}
