using System.Numerics;
using TokenPlatform.Domain.Funding;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>The router's stored authorization for a wallet and the wallet's stablecoin allowance to the router.</summary>
internal sealed class FundingAuthorizationChainReader(ChainClient chain, ContractAddressesProvider addresses) : IFundingAuthorizationChainReader
{
    public async Task<OnChainAuthorization> ReadAsync(string funder, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var eth = chain.Web3.Eth;
        var stored = await eth.GetContractQueryHandler<AuthorizationOfFunction>()
            .QueryDeserializingToObjectAsync<AuthorizationOutput>(new AuthorizationOfFunction { Funder = funder }, contracts.PayoutRouter);
        var allowance = await eth.GetContractQueryHandler<AllowanceFunction>()
            .QueryAsync<BigInteger>(contracts.TestUsd, new AllowanceFunction { Owner = funder, Spender = contracts.PayoutRouter });
        return new OnChainAuthorization(Clamp(stored.Cap), Clamp(stored.Spent), DateTimeOffset.FromUnixTimeSeconds(Clamp(stored.Expiry)), Clamp(allowance));
    }

    private static long Clamp(BigInteger value) => value > long.MaxValue ? long.MaxValue : (long)value;
}

/// <summary>Without a chain there is no router: nothing can be drawn.</summary>
internal sealed class NoFundingAuthorizationChainReader : IFundingAuthorizationChainReader
{
    public Task<OnChainAuthorization> ReadAsync(string funder, CancellationToken cancellationToken) =>
        Task.FromResult(new OnChainAuthorization(0, 0, DateTimeOffset.UnixEpoch, 0));
}
