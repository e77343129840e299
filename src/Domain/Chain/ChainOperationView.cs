namespace TokenPlatform.Domain.Chain;

/// <summary>
/// What a caller may show about an enqueued operation (live progress, chain evidence). A failed operation
/// carries its <see cref="Failure"/> (typed, for use cases) beside its <see cref="Error"/> (words, for people).
/// </summary>
public sealed record ChainOperationView(
    Guid Id,
    string Kind,
    string IdempotencyKey,
    ChainOperationStatus Status,
    string? TxHash,
    long? Nonce,
    long? BlockNumber,
    long? GasUsed,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? DependsOn = null,
    string? Result = null,
    ChainFailure? Failure = null);
