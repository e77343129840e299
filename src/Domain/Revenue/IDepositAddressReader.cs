namespace TokenPlatform.Domain.Revenue;

/// <summary>Where an asset's receiver lives (deterministic, readable before it is created).</summary>
public interface IDepositAddressReader
{
    Task<string> ReceiverAddressAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>What the asset's receiver holds now (minor units of the stablecoin).</summary>
    Task<long> BalanceAsync(long onChainTokenId, CancellationToken cancellationToken);

    /// <summary>The stablecoin a deposit must be paid in (other tokens sent to the address are not revenue).</summary>
    Task<string> StablecoinAsync(CancellationToken cancellationToken);
}
