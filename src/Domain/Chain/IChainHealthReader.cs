namespace TokenPlatform.Domain.Chain;

/// <summary>The node and the platform's accounts as operators see them.</summary>
public sealed record ChainHealthView(bool Enabled, bool Reachable, long? BlockHeight, string? OperatorAddress, decimal? OperatorGasBalanceEth, long? IndexerLagBlocks, string? Problem);

/// <summary>Live chain health for the operations console (never throws: an unreachable node is a state).</summary>
public interface IChainHealthReader
{
    Task<ChainHealthView> ReadAsync(CancellationToken cancellationToken);
}
