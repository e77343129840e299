using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexTypes;
using TokenPlatform.Infrastructure.Chain.Anvil;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>
/// Brings the chain up before the workers start: in Managed mode starts anvil (and stops it on
/// shutdown, state saved), funds the operator, deploys the contracts on first start; in both modes
/// loads the recorded contract addresses.
/// </summary>
public sealed partial class ChainHost(
    ChainOptions options,
    ChainClient chain,
    ContractAddressesProvider addresses,
    IServiceScopeFactory scopes,
    DatabaseOptions database,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<ChainHost>();
    private ManagedAnvil? _anvil;

    public ManagedAnvil? Anvil => _anvil;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Mode == ChainMode.Disabled)
        {
            return;
        }

        if (options.Mode == ChainMode.Managed)
        {
            var stateFile = Path.Combine(Path.GetFullPath(database.DataDirectory), "chain", $"anvil-{options.ChainId}.json");
            _anvil = new ManagedAnvil(ManagedAnvil.LocateBinary(), options.AnvilPort, options.ChainId, stateFile, loggers.CreateLogger<ManagedAnvil>(), options.AnvilBlockTimeSeconds);
            await _anvil.StartAsync(cancellationToken);
            // The dev chain funds the operator directly; no well-known dev key is ever used.
            await chain.Web3.Client.SendRequestAsync<object>("anvil_setBalance", null, chain.OperatorAddress, new HexBigInteger(System.Numerics.BigInteger.Pow(10, 22)).HexValue);
        }

        await using var scope = scopes.CreateAsyncScope();
        var deployer = scope.ServiceProvider.GetRequiredService<ChainDeployer>();
        var deployed = options.Mode == ChainMode.Managed && options.DeployOnStart
            ? await deployer.EnsureDeployedAsync(cancellationToken)
            : await deployer.FindAsync(cancellationToken);
        if (deployed is null)
        {
            LogNotDeployed(_logger, options.ChainId);
            return;
        }

        addresses.Set(deployed);
        LogReady(_logger, options.ChainId, deployed.Settlement, chain.OperatorAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_anvil is not null)
        {
            await _anvil.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} ready: Settlement at {Settlement}, operator {Operator}")]
    private static partial void LogReady(ILogger logger, long chainId, string settlement, string @operator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No platform contracts recorded for chain {ChainId}: deploy them (admin action or `deploy-contracts` verb) before chain operations can run")]
    private static partial void LogNotDeployed(ILogger logger, long chainId);
}
