using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

public sealed record PayeeTotal(string Label, string Address, Money Paid);

/// <param name="Unclaimed">What holders have not claimed yet; null when the chain cannot be reached.</param>
/// <summary>One asset whose revenue the user records (issuer) or shares (creator payee).</summary>
public sealed record RevenueAssetOverview(
    AssetId AssetId,
    string Name,
    AssetKind Kind,
    bool IsIssuer,
    IReadOnlyList<RevenueTotal> Revenue,
    Int128 Undistributed,
    int UndistributedEvents,
    int AwaitingConfirmation,
    IReadOnlyList<PayeeTotal> PaidToPayees,
    Money HoldersShare,
    Distribution? Last,
    Money? Unclaimed);

/// <summary>
/// The creator/issuer dashboard: per asset, revenue over time by source, what each payee and the
/// holders received, the last distribution, what waits for the next one, and what holders have not claimed.
/// </summary>
public sealed record GetRevenueOverview(string UserId) : IQuery<IReadOnlyList<RevenueAssetOverview>>;

public sealed class GetRevenueOverviewHandler(IInvestorStore assets, IWalletService wallets, IRevenueStore revenue, IDistributionStore distributions, IPayoutChainReader chain)
    : IQueryHandler<GetRevenueOverview, IReadOnlyList<RevenueAssetOverview>>
{
    public async ValueTask<IReadOnlyList<RevenueAssetOverview>> Handle(GetRevenueOverview query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        var mine = new[] { wallet?.Address, wallet?.PayoutAddress }.Where(a => a is not null).ToList();
        var result = new List<RevenueAssetOverview>();
        foreach (var asset in await assets.ListLiveAssetsAsync(cancellationToken))
        {
            var isIssuer = asset.IssuerId == query.UserId;
            if (!isIssuer && asset.Split?.Payees.Any(p => mine.Contains(p.Address, EthAddress.Comparer)) != true)
            {
                continue;
            }

            var history = await distributions.ListByAssetAsync(asset.Id, cancellationToken);
            var completed = new List<Distribution>();
            foreach (var d in history.Where(d => d.Status == DistributionStatus.Completed))
            {
                completed.Add((await distributions.FindAsync(d.Id, cancellationToken))!);
            }

            var payees = completed.SelectMany(d => d.Lines).Where(l => l.Kind == DistributionLineKind.Payee)
                .GroupBy(l => (l.Label ?? "", l.Address ?? ""))
                .Select(g => new PayeeTotal(g.Key.Item1, g.Key.Item2, Money.Sum(g.Select(l => l.Amount)))).ToList();
            var pending = await revenue.UndistributedAsync(asset.Id, cancellationToken);
            var awaiting = await revenue.AwaitingConfirmationAsync(asset.Id, cancellationToken);
            Money? unclaimed;
            try
            {
                unclaimed = (await chain.PoolAsync(asset.OnChainTokenId!.Value, cancellationToken)).Unclaimed;
            }
            catch (HttpRequestException)
            {
                unclaimed = null;
            }

            result.Add(new RevenueAssetOverview(asset.Id, asset.Name, asset.Kind, isIssuer, await revenue.TotalsAsync(asset.Id, cancellationToken),
                pending.Aggregate(Int128.Zero, (sum, e) => sum + e.AmountMinorUnits), pending.Count, awaiting.Count, payees, Money.Sum(completed.Select(d => d.HoldersShare)), history.Count > 0 ? history[0] : null, unclaimed));
        }

        return result;
    }
}
