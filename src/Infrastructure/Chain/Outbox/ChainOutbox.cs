using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Adds outbox rows to the current DbContext: they commit (or not) with the business change.</summary>
internal sealed class ChainOutbox(AppDbContext db, TimeProvider clock) : IChainOutbox
{
    public Task<EnqueuedOperation> EnqueueAsync(ChainCommand command, string idempotencyKey, CancellationToken cancellationToken) =>
        EnqueueCoreAsync(command, idempotencyKey, null, cancellationToken);

    public Task<EnqueuedOperation> EnqueueAfterAsync(ChainCommand command, string idempotencyKey, Guid after, CancellationToken cancellationToken) =>
        EnqueueCoreAsync(command, idempotencyKey, after, cancellationToken);

    private async Task<EnqueuedOperation> EnqueueCoreAsync(ChainCommand command, string idempotencyKey, Guid? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            throw new ArgumentException("An idempotency key of 1 to 200 characters is required.", nameof(idempotencyKey));
        }

        var tracked = db.ChainOperations.Local.FirstOrDefault(o => o.IdempotencyKey == idempotencyKey);
        var existing = tracked ?? await db.ChainOperations.AsNoTracking().FirstOrDefaultAsync(o => o.IdempotencyKey == idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return new EnqueuedOperation(existing.Id, AlreadyExisted: true);
        }

        var now = clock.GetUtcNow();
        var operation = new ChainOperation
        {
            Id = Guid.CreateVersion7(),
            IdempotencyKey = idempotencyKey,
            Kind = command.Kind,
            Payload = JsonSerializer.Serialize(command, command.GetType(), PayloadJson.Options),
            Status = ChainOperationStatus.Pending,
            NextAttemptAt = now,
            DependsOn = after,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ChainOperations.Add(operation);
        return new EnqueuedOperation(operation.Id, AlreadyExisted: false);
    }

    public async Task<ChainOperationView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.ChainOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToView();
}

internal static class PayloadJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
