using Nethereum.RPC.Eth.DTOs;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Turns outbox rows of one kind into one transaction. Groupable kinds put several rows in one call.</summary>
public interface IChainOperationHandler
{
    string Kind { get; }

    /// <summary>How many rows of this kind may share one transaction (1 = never grouped).</summary>
    int MaxGroupSize { get; }

    ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken);

    /// <summary>JSON describing what the confirmed transaction produced (read from its receipt), or null.</summary>
    string? DescribeResult(TransactionReceipt receipt) => null;
}
