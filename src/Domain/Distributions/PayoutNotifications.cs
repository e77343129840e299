using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Notifications;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Distributions;

/// <summary>When a distribution completes, every payee with an account here gets a notification of what it received.</summary>
public sealed class PayoutNotifications(IDistributionStore distributions, IWalletService wallets, IAssetRepository assets, INotificationStore notifications)
{
    public async Task NotifyPayeesAsync(Distribution distribution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var lines = (distribution.Lines.Count > 0 ? distribution : await distributions.FindAsync(distribution.Id, cancellationToken))?.Lines
            .Where(l => l.Kind == DistributionLineKind.Payee && l.Amount > Money.Zero && l.Address is not null).ToList() ?? [];
        if (lines.Count == 0)
        {
            return;
        }

        var owners = await wallets.FindByAddressesAsync(lines.Select(l => l.Address!).ToList(), cancellationToken);
        var name = (await assets.FindAsync(distribution.AssetId, cancellationToken))?.Name ?? "an asset";
        var how = distribution.FunderUserId == DistributionExecutor.PlatformFunder ? "paid automatically from a deposit" : "distribution";
        foreach (var line in lines)
        {
            if (owners.TryGetValue(line.Address!, out var wallet) || owners.TryGetValue(EthAddressKey(line.Address!, owners), out wallet))
            {
                notifications.Add(new Notification(Guid.CreateVersion7(), wallet.UserId, Notification.PayoutKind,
                    $"You received {line.Amount} USD from {name} ({line.Label}, {how}).", $"/distributions/{distribution.Id}", now));
            }
        }
    }

    /// <summary>The wallet map is keyed by checksummed address; lines may hold another letter case.</summary>
    private static string EthAddressKey(string address, IReadOnlyDictionary<string, WalletView> owners) =>
        owners.Keys.FirstOrDefault(k => EthAddress.Comparer.Equals(k, address)) ?? address;
}
