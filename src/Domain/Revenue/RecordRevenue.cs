using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

/// <summary>One event typed in the browser.</summary>
public sealed record RecordRevenue(string UserId, AssetId AssetId, string Reference, string Date, string Source, string Amount, string? Description)
    : ICommand<Result<RecordedRevenue>>;

public sealed class RecordRevenueHandler(RevenueAccess access, IRevenueStore store, TimeProvider clock) : ICommandHandler<RecordRevenue, Result<RecordedRevenue>>
{
    public async ValueTask<Result<RecordedRevenue>> Handle(RecordRevenue command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var line = RevenueLineRules.Parse(command.Reference, command.Date, command.Source, command.Amount, RevenueLineRules.Currency, command.Description, DateOnly.FromDateTime(now.UtcDateTime));
        if (!line.IsSuccess)
        {
            return line.Error!;
        }

        var asset = await access.LoadAsync(command.AssetId, command.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var byIssuer = asset.Value.IssuerId == command.UserId;
        if (byIssuer && (await store.UnconfirmedReferencesAsync(command.AssetId, [line.Value.Reference], cancellationToken)).Count > 0)
        {
            return Error.Validation("Reference", RevenueImports.HeldByPayee(line.Value.Reference));
        }

        var recorded = await store.AddNewAsync([new RevenueEvent(Guid.CreateVersion7(), command.AssetId, line.Value, command.UserId, RevenueChannel.Form, now, byIssuer)], cancellationToken);
        return new RecordedRevenue(1, recorded, 1 - recorded);
    }
}
