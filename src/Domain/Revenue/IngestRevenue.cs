using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>An item of the HTTP API: <c>Amount</c> is an integer in minor units (6 decimals).</summary>
public sealed record RevenueItem(string? Reference, string? Date, string? Source, long Amount, string? Currency, string? Description);

/// <summary>
/// The HTTP API: one event or up to 10,000. Every item is validated first; if any is invalid nothing
/// is recorded and each error names its item index. Known references are counted as duplicates.
/// </summary>
public sealed record IngestRevenue(string UserId, AssetId AssetId, IReadOnlyList<RevenueItem> Items) : ICommand<Result<RecordedRevenue>>;

public sealed class IngestRevenueHandler(RevenueAccess access, IRevenueStore store, TimeProvider clock) : ICommandHandler<IngestRevenue, Result<RecordedRevenue>>
{
    public const int MaxItems = 10_000;

    public async ValueTask<Result<RecordedRevenue>> Handle(IngestRevenue command, CancellationToken cancellationToken)
    {
        if (command.Items.Count is 0 or > MaxItems)
        {
            return Error.Validation("events", $"Send 1 to {MaxItems:N0} events per request.");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var events = new List<RevenueEvent>(command.Items.Count);
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            var line = RevenueLineRules.Parse(item.Reference, item.Date, item.Source, item.Amount, item.Currency, item.Description, today);
            if (!line.IsSuccess)
            {
                errors.AddRange(line.Error!.Fields.Select(f => f with { Field = $"events[{i}].{f.Field}" }));
            }
            else if (!seen.Add(line.Value.Reference))
            {
                errors.Add(new FieldError($"events[{i}].Reference", $"The reference {line.Value.Reference} appears twice in this request."));
            }
            else
            {
                events.Add(new RevenueEvent(Guid.CreateVersion7(), command.AssetId, line.Value, command.UserId, RevenueChannel.Api, now));
            }

            if (errors.Count >= 100)
            {
                break;
            }
        }

        if (errors.Count > 0)
        {
            return Result<RecordedRevenue>.Invalid(errors);
        }

        var asset = await access.LoadAsync(command.AssetId, command.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var byIssuer = asset.Value.IssuerId == command.UserId;
        if (byIssuer)
        {
            var held = await store.UnconfirmedReferencesAsync(command.AssetId, events.Select(e => e.ExternalReference).ToList(), cancellationToken);
            if (held.Count > 0)
            {
                return Result<RecordedRevenue>.Invalid(events.Select((e, i) => (e, i)).Where(x => held.Contains(x.e.ExternalReference))
                    .Take(100).Select(x => new FieldError($"events[{x.i}].Reference", RevenueImports.HeldByPayee(x.e.ExternalReference))).ToList());
            }
        }

        var recorded = await store.AddNewAsync(byIssuer ? events : events.Select(e => e.AsRecordedByPayee()).ToList(), cancellationToken);
        return new RecordedRevenue(events.Count, recorded, events.Count - recorded);
    }
}
