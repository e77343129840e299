using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Distributions;

/// <summary>The issuer chooses how the asset's deposits are distributed (audited).</summary>
/// <param name="FundRecordedRevenue">Automatic runs also pay recorded revenue (form, statements, API) from the issuer's wallet, under the issuer's standing authorization.</param>
public sealed record SetDistributionPolicy(string UserId, AssetId AssetId, DistributionMode Mode, string? MinimumAmount, bool FundRecordedRevenue = false) : ICommand<Result<DistributionPolicy>>;

public sealed class SetDistributionPolicyHandler(IAssetRepository assets, IDistributionPolicyStore policies, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SetDistributionPolicy, Result<DistributionPolicy>>
{
    public async ValueTask<Result<DistributionPolicy>> Handle(SetDistributionPolicy command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.IssuerId != command.UserId)
        {
            return Error.NotFound("asset.missing", "Only the asset's issuer sets its distribution policy.");
        }

        if (!Enum.IsDefined(command.Mode))
        {
            return Error.Validation("Mode", "Choose manual, on arrival, daily, weekly or monthly.");
        }

        var minimum = string.IsNullOrWhiteSpace(command.MinimumAmount) ? Money.Zero : Money.Parse(command.MinimumAmount.Trim(), "MinimumAmount") is { IsSuccess: true } parsed ? parsed.Value : (Money?)null;
        if (minimum is not { } min || min.MinorUnits > DistributionPlanner.MaxGross)
        {
            return Error.Validation("MinimumAmount", "Enter the minimum to distribute in USD, e.g. 50.00 (at most 1,000,000,000,000.00).");
        }

        var now = clock.GetUtcNow();
        var policy = await policies.FindAsync(command.AssetId, cancellationToken);
        var before = policy is null ? "manual" : Describe(policy.Mode, policy.Minimum, policy.FundRecordedRevenue);
        if (policy is null)
        {
            policy = new DistributionPolicy(command.AssetId, command.Mode, min, command.UserId, now, command.FundRecordedRevenue);
            policies.Add(policy);
        }
        else
        {
            policy.Change(command.Mode, min, command.UserId, now, command.FundRecordedRevenue);
        }

        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.UserId, AuditActions.DistributionPolicy, asset.Id.Value, $"distribution policy of {asset.Name}",
            before, Describe(command.Mode, min, command.FundRecordedRevenue), null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return policy;
    }

    private static string Describe(DistributionMode mode, Money minimum, bool fundRecorded) =>
        $"{DistributionPolicy.Describe(mode)}, minimum {minimum} USD" + (fundRecorded ? ", recorded revenue funded from the issuer's wallet (standing authorization)" : "");
}
