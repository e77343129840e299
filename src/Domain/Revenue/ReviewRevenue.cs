using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// The issuer confirms (or refuses, with a reason) revenue events a payee recorded: until then they do
/// not count towards any distribution, so a payee cannot inflate or block an asset's payouts. Audited.
/// </summary>
public sealed record ReviewRevenue(string UserId, AssetId AssetId, IReadOnlyList<Guid> EventIds, bool Confirm, string? Reason) : ICommand<Result<int>>;

public sealed class ReviewRevenueHandler(IAssetRepository assets, IRevenueStore store, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ReviewRevenue, Result<int>>
{
    public const int MaxEvents = 1_000;

    public async ValueTask<Result<int>> Handle(ReviewRevenue command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.IssuerId != command.UserId)
        {
            return Error.NotFound("asset.missing", "Only the asset's issuer confirms its revenue.");
        }

        if (command.EventIds.Count is 0 or > MaxEvents)
        {
            return Error.Validation("EventIds", $"Choose 1 to {MaxEvents:N0} events.");
        }

        if (command.Reason?.Length > RevenueEvent.DescriptionMaxLength)
        {
            return Error.Validation("Reason", $"The reason may be at most {RevenueEvent.DescriptionMaxLength} characters.");
        }

        var events = await store.FindForUpdateAsync(command.AssetId, command.EventIds.Distinct().ToList(), cancellationToken);
        if (events.Count != command.EventIds.Distinct().Count())
        {
            return Error.NotFound("revenue.missing", "One of the events is not revenue of this asset.");
        }

        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            var reviewed = e.Review(command.Confirm, command.UserId, command.Reason, now);
            if (!reviewed.IsSuccess)
            {
                return reviewed.Error!;
            }

            audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.UserId, command.Confirm ? AuditActions.RevenueConfirm : AuditActions.RevenueReject, asset.Id.Value,
                $"revenue {e.ExternalReference} ({e.Amount} USD, recorded by {e.RecordedBy})", "awaiting confirmation", reviewed.Value.ToString(), command.Reason));
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return events.Count;
    }
}
