using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// The issuer voids an event that was not distributed yet (a typo, a duplicate statement, a fake line),
/// with a reason: it never counts again. Audited. Distributed revenue cannot be voided (it was paid).
/// </summary>
public sealed record VoidRevenue(string UserId, AssetId AssetId, Guid EventId, string Reason) : ICommand<Result<Guid>>;

public sealed class VoidRevenueHandler(IAssetRepository assets, IRevenueStore store, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<VoidRevenue, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(VoidRevenue command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.IssuerId != command.UserId)
        {
            return Error.NotFound("asset.missing", "Only the asset's issuer voids its revenue.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > RevenueEvent.DescriptionMaxLength)
        {
            return Error.Validation("Reason", $"Say why the event is voided (1 to {RevenueEvent.DescriptionMaxLength} characters).");
        }

        // Inside the distributions' exclusive section: a run assigning this event cannot interleave.
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var found = await store.FindForUpdateAsync(command.AssetId, [command.EventId], cancellationToken);
        if (found is not [var e])
        {
            return Error.NotFound("revenue.missing", "No such revenue event for this asset.");
        }

        var before = RevenueEvent.Describe(e.Status);
        var voided = e.Void(command.UserId, command.Reason, clock.GetUtcNow());
        if (!voided.IsSuccess)
        {
            return voided.Error!;
        }

        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.UserId, AuditActions.RevenueVoid, asset.Id.Value,
            $"revenue {e.ExternalReference} ({e.Amount} USD, recorded by {e.RecordedBy})", before, "voided", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return e.Id;
    }
}
