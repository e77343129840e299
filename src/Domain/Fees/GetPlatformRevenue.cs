using Mediator;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Fees;

public sealed record RevenueByKind(string Kind, long Amount, int Entries);

public sealed record RevenueByAsset(Guid? AssetId, string Name, long Amount);

public sealed record RevenueByMonth(int Year, int Month, string Kind, long Amount);

/// <summary>
/// The platform's earnings, and the reconciliation with the treasury: fees collected on chain
/// (commissions, distribution and management fees) must equal the treasury's stablecoin balance.
/// Listing fees are invoiced off chain and are not part of the comparison.
/// </summary>
public sealed record PlatformRevenueView(
    IReadOnlyList<RevenueByKind> ByKind,
    IReadOnlyList<RevenueByAsset> ByAsset,
    IReadOnlyList<RevenueByMonth> ByMonth,
    long Total,
    long CollectedOnChain,
    string? TreasuryAddress,
    long? TreasuryBalance)
{
    public long? Difference => TreasuryBalance is { } balance ? balance - CollectedOnChain : null;

    public static readonly IReadOnlySet<string> OnChainKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        PlatformRevenueEntry.PrimaryCommissionKind, PlatformRevenueEntry.DistributionFeeKind, PlatformRevenueEntry.ManagementFeeKind,
    };
}

public sealed record GetPlatformRevenue : IQuery<PlatformRevenueView>;

public sealed class GetPlatformRevenueHandler(IPlatformRevenue revenue, IAssetRepository assets, ITreasuryReader treasury) : IQueryHandler<GetPlatformRevenue, PlatformRevenueView>
{
    public async ValueTask<PlatformRevenueView> Handle(GetPlatformRevenue query, CancellationToken cancellationToken)
    {
        var entries = await revenue.EntriesAsync(cancellationToken);
        var byKind = entries.GroupBy(e => e.Kind).Select(g => new RevenueByKind(g.Key, g.Sum(e => e.Amount.MinorUnits), g.Count())).OrderByDescending(k => k.Amount).ToList();
        var byAsset = new List<RevenueByAsset>();
        foreach (var group in entries.GroupBy(e => e.AssetId))
        {
            var name = group.Key is { } id ? (await assets.FindAsync(new AssetId(id), cancellationToken))?.Name ?? id.ToString() : "platform";
            byAsset.Add(new RevenueByAsset(group.Key, name, group.Sum(e => e.Amount.MinorUnits)));
        }

        var byMonth = entries.GroupBy(e => (e.RecordedAt.Year, e.RecordedAt.Month, e.Kind))
            .Select(g => new RevenueByMonth(g.Key.Year, g.Key.Month, g.Key.Kind, g.Sum(e => e.Amount.MinorUnits)))
            .OrderBy(m => m.Year).ThenBy(m => m.Month).ToList();
        var onChain = entries.Where(e => PlatformRevenueView.OnChainKinds.Contains(e.Kind)).Sum(e => e.Amount.MinorUnits);
        (string Address, long Balance)? balance;
        try
        {
            balance = await treasury.BalanceAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            balance = null;
        }

        return new PlatformRevenueView(byKind, byAsset.OrderByDescending(a => a.Amount).ToList(), byMonth, entries.Sum(e => e.Amount.MinorUnits), onChain,
            balance?.Address, balance?.Balance);
    }
}
