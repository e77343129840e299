using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <param name="Automatic">Paid by the asset's distribution policy from a deposit, with nobody pressing "run".</param>
/// <param name="TxHash">The transaction that paid the payees (null until it is sent).</param>
public sealed record RoyaltyPayoutView(Guid DistributionId, string AssetName, DateTimeOffset At, Money Amount, bool Automatic, DistributionStatus Status, string? TxHash, long? Block);

/// <summary>The payee's latest payouts (creator dashboard, refreshed live): newest first, with their transaction.</summary>
public sealed record GetMyRoyaltyPayouts(string UserId, int Take = 20) : IQuery<IReadOnlyList<RoyaltyPayoutView>>;

public sealed class GetMyRoyaltyPayoutsHandler(IWalletService wallets, IDistributionStore distributions, IAssetRepository assets, IChainMonitor monitor, TimeProvider clock)
    : IQueryHandler<GetMyRoyaltyPayouts, IReadOnlyList<RoyaltyPayoutView>>
{
    public async ValueTask<IReadOnlyList<RoyaltyPayoutView>> Handle(GetMyRoyaltyPayouts query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return [];
        }

        var mine = new[] { wallet.Address, wallet.PayoutAddress }.OfType<string>().ToList();
        var now = clock.GetUtcNow();
        var lines = (await distributions.LinesToAsync(mine, now.AddDays(-90), now.AddMinutes(1), cancellationToken))
            .Where(x => x.Line.Kind == DistributionLineKind.Payee && x.Line.Amount > Money.Zero)
            .OrderByDescending(x => x.Distribution.CreatedAt).Take(Math.Clamp(query.Take, 1, 100)).ToList();
        var names = new Dictionary<AssetId, string>();
        var views = new List<RoyaltyPayoutView>(lines.Count);
        foreach (var (d, line) in lines)
        {
            if (!names.TryGetValue(d.AssetId, out var name))
            {
                names[d.AssetId] = name = (await assets.FindAsync(d.AssetId, cancellationToken))?.Name ?? "";
            }

            // A manual run withdraws the payees in a step of its own; an automatic run in its one payout.
            var steps = await monitor.ListByKeyPrefixAsync(OperationKeys.DistributionPrefix(d.Id), cancellationToken);
            var paid = steps.FirstOrDefault(o => o.IdempotencyKey == OperationKeys.DistributionStep(d.Id, DistributionSteps.WithdrawPayees))
                ?? steps.FirstOrDefault(o => o.IdempotencyKey == OperationKeys.DistributionStep(d.Id, DistributionSteps.Payout));
            views.Add(new RoyaltyPayoutView(d.Id, name, d.CreatedAt, line.Amount, d.FunderUserId == DistributionExecutor.PlatformFunder, d.Status, paid?.TxHash, paid?.BlockNumber));
        }

        return views;
    }
}
