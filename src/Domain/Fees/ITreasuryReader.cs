namespace TokenPlatform.Domain.Fees;

/// <summary>The treasury account on chain and its stablecoin balance.</summary>
public interface ITreasuryReader
{
    /// <summary>Null when there is no chain (Chain:Mode=Disabled).</summary>
    Task<(string Address, long Balance)?> BalanceAsync(CancellationToken cancellationToken);
}
