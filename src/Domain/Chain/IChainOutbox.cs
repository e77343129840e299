namespace TokenPlatform.Domain.Chain;

public sealed record EnqueuedOperation(Guid Id, bool AlreadyExisted);

/// <summary>The transactional outbox for chain writes.</summary>
public interface IChainOutbox
{
    /// <summary>
    /// Adds the command to the current unit of work (committed with the business change). When an
    /// operation with the same <paramref name="idempotencyKey"/> exists, returns it and adds nothing.
    /// </summary>
    Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="EnqueueAsync"/>, but the operation is sent only once operation
    /// <paramref name="after"/> is confirmed (it fails if that one fails); its handler can read the
    /// earlier operation's result (e.g. the on-chain asset id).
    /// </summary>
    Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken);

    Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken);
}
