using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>A distribution batch as the operations console shows it: its size, the gas its transactions used, its root and status.</summary>
public sealed record DistributionBatchView(Guid Id, string AssetName, DateTimeOffset CreatedAt, Money Gross, Money HoldersShare, int Transactions, long GasUsed, string MerkleRoot, DistributionStatus Status, string? FailureReason);

public sealed record ListDistributionBatches(int Take = 20) : IQuery<IReadOnlyList<DistributionBatchView>>;

public sealed class ListDistributionBatchesHandler(IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor) : IQueryHandler<ListDistributionBatches, IReadOnlyList<DistributionBatchView>>
{
    public async ValueTask<IReadOnlyList<DistributionBatchView>> Handle(ListDistributionBatches query, CancellationToken cancellationToken)
    {
        var views = new List<DistributionBatchView>();
        foreach (var d in await distributions.ListRecentAsync(Math.Clamp(query.Take, 1, 100), cancellationToken))
        {
            var ops = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(d.Id), cancellationToken);
            var name = (await assets.FindAsync(d.AssetId, cancellationToken))?.Name ?? "";
            views.Add(new DistributionBatchView(d.Id, name, d.CreatedAt, d.Gross, d.HoldersShare, ops.Count, ops.Sum(o => o.GasUsed ?? 0), d.MerkleRoot, d.Status, d.FailureReason));
        }

        return views;
    }
}
