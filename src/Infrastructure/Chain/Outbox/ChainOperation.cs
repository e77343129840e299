using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// One outbox row: a chain write enqueued with a business change. Lifecycle:
/// Pending -> Prepared (signed; nonce, hash and raw transaction stored BEFORE broadcasting) -> Sent
/// -> Confirmed | Failed. Rows grouped into one transaction share nonce, hash and raw transaction.
/// </summary>
public sealed class ChainOperation
{
    public Guid Id { get; set; }

    public string IdempotencyKey { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Payload { get; set; } = "";

    public ChainOperationStatus Status { get; set; } = ChainOperationStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public long? Nonce { get; set; }

    public string? TxHash { get; set; }

    /// <summary>The signed transaction, so a restart re-broadcasts the very same bytes (same hash, same nonce).</summary>
    public string? RawTransaction { get; set; }

    public long? BlockNumber { get; set; }

    public long? GasUsed { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// A failed operation's cause as a code: the contract error's name, or "DependencyFailed" (see <see cref="ChainFailure"/>).
    /// Cleared by a retry; kept when the failed operation is cancelled (its cause stays true).
    /// </summary>
    public string? FailureCode { get; set; }

    /// <summary>An operation that must be confirmed before this one is signed.</summary>
    public Guid? DependsOn { get; set; }

    /// <summary>What the confirmed transaction produced, as JSON (e.g. the new asset id on chain).</summary>
    public string? Result { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ChainOperationView ToView() =>
        new(Id, Kind, IdempotencyKey, Status, TxHash, Nonce, BlockNumber, GasUsed, Error, CreatedAt, UpdatedAt, DependsOn, Result, ChainFailures.Parse(FailureCode));
}

/// <summary>The next nonce of a sending account, shared by all workers (locked while signing).</summary>
public sealed class ChainNonce
{
    public string Address { get; set; } = "";

    public long ChainId { get; set; }

    public long NextNonce { get; set; }
}

/// <summary>Where a platform contract lives on a given chain.</summary>
public sealed class ChainDeployment
{
    public long ChainId { get; set; }

    public string ContractName { get; set; } = "";

    public string Address { get; set; } = "";

    public long BlockNumber { get; set; }

    public string TxHash { get; set; } = "";

    public DateTimeOffset DeployedAt { get; set; }
}
