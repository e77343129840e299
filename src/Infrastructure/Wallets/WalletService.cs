using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nethereum.Signer;
using Nethereum.Util;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Wallets;

/// <summary>
/// Custodial wallets: a fresh secp256k1 key per user (cryptographically secure generator), stored
/// only as a Data Protection payload and decrypted only inside <see cref="UnlockForSigning"/>.
/// </summary>
public sealed class WalletService(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : IWalletService
{
    private readonly IDataProtector _protector = protection.CreateProtector(CustodialWallet.ProtectionPurpose);

    public async Task<string> EnsureWalletAsync(string userId, CancellationToken cancellationToken)
    {
        var existing = db.CustodialWallets.Local.FirstOrDefault(w => w.UserId == userId)
            ?? await db.CustodialWallets.FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing.Address;
        }

        var key = EthECKey.GenerateKey();
        var wallet = new CustodialWallet
        {
            UserId = userId,
            Address = key.GetPublicAddress(),
            ProtectedKey = _protector.Protect(key.GetPrivateKey()),
            CreatedAt = clock.GetUtcNow(),
        };
        db.CustodialWallets.Add(wallet);
        return wallet.Address;
    }

    public async Task<WalletView?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var wallet = await db.CustodialWallets.AsNoTracking().FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
        return wallet?.ToView();
    }

    public async Task<IReadOnlyDictionary<string, WalletView>> FindByAddressesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var wanted = addresses.Select(a => AddressUtil.Current.ConvertToChecksumAddress(a)).Distinct().ToList();
        var found = new Dictionary<string, WalletView>(EthAddress.Comparer);
        foreach (var chunk in wanted.Chunk(1_000))
        {
            foreach (var wallet in await db.CustodialWallets.AsNoTracking().Where(w => chunk.Contains(w.Address)).ToListAsync(cancellationToken))
            {
                found[wallet.Address] = wallet.ToView();
            }
        }

        return found;
    }

    /// <summary>Names a valid address in its checksummed spelling, so every spelling of it signs the same text.</summary>
    public string PayoutChallenge(string userId, string address) =>
        $"TokenPlatform: pay my distributions for account {userId} to {(EthAddress.TryParse(address, out var parsed) ? parsed.Value : address)}.";

    public async Task<Result<WalletView>> RegisterPayoutAddressAsync(string userId, string address, string signature, CancellationToken cancellationToken)
    {
        if (!EthAddress.TryParse(address, out var payout))
        {
            return Error.Validation("Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).");
        }

        var wallet = await db.CustodialWallets.FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        string recovered;
        try
        {
            recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(PayoutChallenge(userId, payout.Value), signature);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return Error.Validation("Signature", "The signature is not a valid EIP-191 signature.");
        }

        if (!EthAddress.Comparer.Equals(recovered, payout.Value))
        {
            return Error.Validation("Signature", "The signature was not made by this address.");
        }

        wallet.PayoutAddress = payout.Value;
        wallet.PayoutVerifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return wallet.ToView();
    }

    public async Task<Result<WalletView>> SetPayoutPreferenceAsync(string userId, PayoutPreference preference, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(preference))
        {
            return Error.Validation("PayoutPreference", "Choose automatic payouts or claiming.");
        }

        var wallet = await db.CustodialWallets.FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        wallet.PayoutPreference = preference;
        await db.SaveChangesAsync(cancellationToken);
        return wallet.ToView();
    }

    /// <summary>The user's key, for signing one transaction. Never log, return or store it.</summary>
    internal async Task<EthECKey> UnlockForSigning(string userId, CancellationToken cancellationToken)
    {
        var wallet = await db.CustodialWallets.AsNoTracking().FirstAsync(w => w.UserId == userId, cancellationToken);
        return new EthECKey(_protector.Unprotect(wallet.ProtectedKey));
    }
}
