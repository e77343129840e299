namespace TokenPlatform.Domain.Funding;

/// <param name="Allowance">The stablecoin allowance the wallet gave the payout router (the permit).</param>
public sealed record OnChainAuthorization(long Cap, long Spent, DateTimeOffset Expiry, long Allowance)
{
    /// <summary>What the router would still let automatic payouts draw now.</summary>
    public long Left(DateTimeOffset now) => now < Expiry ? Math.Max(0, Math.Min(Cap - Spent, Allowance)) : 0;
}

/// <summary>What the payout router and the stablecoin say about a wallet's standing authorization (read live).</summary>
public interface IFundingAuthorizationChainReader
{
    Task<OnChainAuthorization> ReadAsync(string funder, CancellationToken cancellationToken);
}
