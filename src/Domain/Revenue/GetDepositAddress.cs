using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Domain.Revenue;

/// <param name="Ready">The receiver exists on chain (before that, what is sent to the address is kept and counted once it does).</param>
/// <param name="Stablecoin">The token to pay in; other tokens sent to the address are not revenue.</param>
/// <param name="FundRecordedRevenue">Automatic runs also pay recorded revenue from the issuer's wallet (standing authorization).</param>
public sealed record DepositAddressView(string Address, bool Ready, DistributionMode Mode, Money Minimum, string Stablecoin = "", bool FundRecordedRevenue = false);

/// <summary>The asset's deposit address and distribution policy, for whoever may record its revenue.</summary>
public sealed record GetDepositAddress(string UserId, AssetId AssetId) : IQuery<Result<DepositAddressView>>;

public sealed class GetDepositAddressHandler(RevenueAccess access, IRevenueReceiverStore receivers, IDistributionPolicyStore policies, IDepositAddressReader chain)
    : IQueryHandler<GetDepositAddress, Result<DepositAddressView>>
{
    public async ValueTask<Result<DepositAddressView>> Handle(GetDepositAddress query, CancellationToken cancellationToken)
    {
        var asset = await access.LoadAsync(query.AssetId, query.UserId, cancellationToken);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        if (await receivers.FindAsync(query.AssetId, cancellationToken) is not { } receiver)
        {
            return Error.Conflict("deposit.not_ready", "The asset's deposit address is being set up on chain; it appears here within a minute of the asset going live.");
        }

        var created = receiver.DeployedAt is not null;
        var policy = await policies.FindAsync(query.AssetId, cancellationToken);
        return new DepositAddressView(receiver.Address, created, policy?.Mode ?? DistributionMode.Manual, policy?.Minimum ?? Money.Zero, await chain.StablecoinAsync(cancellationToken),
            policy?.FundRecordedRevenue ?? false);
    }
}
