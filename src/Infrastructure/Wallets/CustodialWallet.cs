namespace TokenPlatform.Infrastructure.Wallets;

/// <summary>A user's platform wallet. The private key is stored only as a Data Protection payload.</summary>
public sealed class CustodialWallet
{
    public string UserId { get; set; } = "";

    /// <summary>EIP-55 checksummed address.</summary>
    public string Address { get; set; } = "";

    /// <summary>The private key, encrypted with the app's Data Protection keys (purpose below).</summary>
    public string ProtectedKey { get; set; } = "";

    public string? PayoutAddress { get; set; }

    public DateTimeOffset? PayoutVerifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Domain.Wallets.PayoutPreference PayoutPreference { get; set; } = Domain.Wallets.PayoutPreference.AutoPay;

    public Domain.Wallets.WalletView ToView() => new(UserId, Address, PayoutAddress, CreatedAt, PayoutPreference);

    public const string ProtectionPurpose = "TokenPlatform.CustodialWallet.PrivateKey.v1";
}
