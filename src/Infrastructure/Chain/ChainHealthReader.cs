using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>Block height, the operator's gas balance (it pays every transaction) and the indexer's lag.</summary>
internal sealed class ChainHealthReader(ChainOptions options, IServiceProvider services) : IChainHealthReader
{
    public async Task<ChainHealthView> ReadAsync(CancellationToken cancellationToken)
    {
        if (options.Mode == ChainMode.Disabled)
        {
            return new ChainHealthView(false, false, null, null, null, null, "chain disabled by configuration");
        }

        var chain = services.GetRequiredService<ChainClient>();
        try
        {
            var height = await chain.BlockNumberAsync();
            var wei = await chain.Web3.Eth.GetBalance.SendRequestAsync(chain.OperatorAddress);
            var lag = services.GetRequiredService<ContractAddressesProvider>().IsKnown
                ? await services.GetRequiredService<EventIndexer>().LagAsync(cancellationToken)
                : (long?)null;
            return new ChainHealthView(true, true, height, chain.OperatorAddress, Nethereum.Web3.Web3.Convert.FromWei(wei.Value), lag, null);
        }
        catch (Exception ex) when (OutboxProcessor.IsRpcFailure(ex))
        {
            return new ChainHealthView(true, false, null, chain.OperatorAddress, null, null, "chain RPC unreachable");
        }
    }
}
