using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>Deposit addresses. Changes are committed by <see cref="Common.IUnitOfWork"/>.</summary>
public interface IRevenueReceiverStore
{
    void Add(RevenueReceiver receiver);

    Task<RevenueReceiver?> FindAsync(AssetId assetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RevenueReceiver>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The receivers whose creation the chain has not confirmed yet, tracked (their facts are recorded on them).</summary>
    Task<IReadOnlyList<RevenueReceiver>> ListUndeployedAsync(CancellationToken cancellationToken);
}
