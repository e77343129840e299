using System.Text.Json;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal abstract class SingleOperationHandler<TCommand> : IChainOperationHandler
    where TCommand : ChainCommand
{
    public abstract string Kind { get; }

    public int MaxGroupSize => 1;

    public virtual ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Build(rows[0], Payload(rows[0]), context));

    protected static TCommand Payload(ChainOperation row) => JsonSerializer.Deserialize<TCommand>(row.Payload, PayloadJson.Options)!;

    protected virtual TransactionInput Build(ChainOperation row, TCommand command, BuildContext context) =>
        throw new NotSupportedException($"{GetType().Name} builds asynchronously.");

    public virtual string? DescribeResult(TransactionReceipt receipt) => null;
}
