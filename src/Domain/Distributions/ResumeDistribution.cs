using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Runs a failed distribution again from the step that failed (e.g. after the funder deposited what was
/// missing): its failed operations are queued again with their idempotency keys, so no step is ever sent
/// twice, and every step is idempotent with respect to what the chain already holds. Its funder, the
/// asset's issuer or an admin may resume it.
/// </summary>
public sealed record ResumeDistribution(string UserId, Guid DistributionId, bool IsAdmin = false) : ICommand<Result<Guid>>;

public sealed class ResumeDistributionHandler(IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ResumeDistribution, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ResumeDistribution command, CancellationToken cancellationToken)
    {
        // Same exclusive section as runs, cancellations and the sync's compensation: a distribution is
        // never resumed and compensated at once.
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var distribution = await distributions.FindForUpdateAsync(command.DistributionId, cancellationToken);
        var asset = distribution is null ? null : await assets.FindAsync(distribution.AssetId, cancellationToken);
        if (distribution is null || asset is null || !(command.IsAdmin || distribution.FunderUserId == command.UserId || asset.IssuerId == command.UserId))
        {
            return Error.NotFound("distribution.missing", "No such distribution among yours.");
        }

        if (distribution.Status != DistributionStatus.Failed)
        {
            return Error.Conflict("distribution.not_failed", $"Only a failed distribution can be resumed (this one is {distribution.Status.ToString().ToLowerInvariant()}).");
        }

        var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(distribution.Id), cancellationToken);
        if (ops.Any(o => o.Status == ChainOperationStatus.Cancelled) || DistributionCompensation.NothingMoved(distribution.Id, ops))
        {
            return Error.Conflict("distribution.compensated", "This distribution failed before any money moved: it is cancelled and its revenue is undistributed again. Run a new distribution instead.");
        }

        // Along the chain of steps, the earliest first: a step is never queued before the one it waits for.
        var failed = InChainOrder(ops).Where(o => o.Status == ChainOperationStatus.Failed).ToList();
        foreach (var op in failed)
        {
            if (!await monitor.RetryAsync(op.Id, cancellationToken))
            {
                return Error.Conflict("distribution.changed", "The distribution's steps changed meanwhile; reload it and try again.");
            }
        }

        distribution.Resume();
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.UserId, AuditActions.DistributionResume, distribution.AssetId.Value,
            $"distribution {distribution.Id}", "failed", "executing", $"{failed.Count} operation(s) queued again"));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return distribution.Id;
    }

    private static List<ChainOperationView> InChainOrder(IReadOnlyList<ChainOperationView> ops)
    {
        var ids = ops.Select(o => o.Id).ToHashSet();
        var next = ops.Where(o => o.DependsOn is { } d && ids.Contains(d)).ToDictionary(o => o.DependsOn!.Value);
        var ordered = new List<ChainOperationView>(ops.Count);
        foreach (var head in ops.Where(o => o.DependsOn is not { } d || !ids.Contains(d)))
        {
            for (var op = head; op is not null && ordered.Count < ops.Count; op = next.GetValueOrDefault(op.Id))
            {
                ordered.Add(op);
            }
        }

        return ordered.Count == ops.Count ? ordered : [.. ops];
    }
}
