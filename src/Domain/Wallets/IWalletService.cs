using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Wallets;

/// <summary>
/// Custodial wallets: every account gets an address at registration. Private keys never leave
/// Infrastructure: they are encrypted at rest and decrypted only to sign.
/// </summary>
public interface IWalletService
{
    /// <summary>Creates the user's wallet in the current unit of work (idempotent: returns the existing address).</summary>
    Task<string> EnsureWalletAsync(string userId, CancellationToken cancellationToken);

    Task<WalletView?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The platform wallets among these addresses (case-insensitive), keyed by checksummed address.</summary>
    Task<IReadOnlyDictionary<string, WalletView>> FindByAddressesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);

    /// <summary>
    /// Registers an external payout address after checking an EIP-191 signature of
    /// <see cref="PayoutChallenge"/> made by that address.
    /// </summary>
    Task<Result<WalletView>> RegisterPayoutAddressAsync(string userId, string address, string signature, CancellationToken cancellationToken);

    Task<Result<WalletView>> SetPayoutPreferenceAsync(string userId, PayoutPreference preference, CancellationToken cancellationToken);

    /// <summary>The exact message the external address must sign; it names the address in its checksummed spelling.</summary>
    string PayoutChallenge(string userId, string address);
}

public sealed record WalletView(string UserId, string Address, string? PayoutAddress, DateTimeOffset CreatedAt, PayoutPreference PayoutPreference = PayoutPreference.AutoPay);

/// <summary>How an investor receives distributions: pushed in batches by the platform, or claimed when they choose.</summary>
public enum PayoutPreference
{
    AutoPay = 1,
    Claim = 2,
}
