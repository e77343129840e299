using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Gives up a failed distribution that moved no money (compensation: its revenue is undistributed
/// again, its entitlements taken back). One that already pulled money can only be resumed.
/// </summary>
public sealed record CancelDistribution(string UserId, Guid DistributionId, string Reason, bool IsAdmin = false) : ICommand<Result<Guid>>;

public sealed class CancelDistributionHandler(IDistributionStore distributions, IAssetRepository assets, DistributionCompensation compensation, IUnitOfWork unitOfWork)
    : ICommandHandler<CancelDistribution, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CancelDistribution command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > 500)
        {
            return Error.Validation("Reason", "Give a reason of 1 to 500 characters.");
        }

        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var distribution = await distributions.FindAsync(command.DistributionId, cancellationToken);
        var asset = distribution is null ? null : await assets.FindAsync(distribution.AssetId, cancellationToken);
        if (distribution is null || asset is null || !(command.IsAdmin || distribution.FunderUserId == command.UserId || asset.IssuerId == command.UserId))
        {
            return Error.NotFound("distribution.missing", "No such distribution among yours.");
        }

        if (!await compensation.TryCancelAsync(distribution.Id, command.UserId, command.Reason.Trim(), cancellationToken))
        {
            return Error.Conflict("distribution.not_cancellable", "Only a failed distribution that has not moved any money can be cancelled; resume it instead.");
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return distribution.Id;
    }
}
