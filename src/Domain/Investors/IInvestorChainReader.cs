namespace TokenPlatform.Domain.Investors;

/// <summary>What the chain says about an investor's money and fractions (read live, not from the indexer).</summary>
public interface IInvestorChainReader
{
    /// <summary>Stablecoin balance in minor units.</summary>
    Task<long> StablecoinBalanceAsync(string address, CancellationToken cancellationToken);

    Task<long> FractionsAsync(long onChainTokenId, string address, CancellationToken cancellationToken);

    /// <summary>Fractions still held by the primary-sale escrow.</summary>
    Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken);
}
