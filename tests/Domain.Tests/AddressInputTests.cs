using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Tests;

/// <summary>The use cases that take an address from a person read it with <see cref="EthAddress"/>.</summary>
public class AddressInputTests
{
    private const string Eip55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private sealed class Wallets : IWalletService
    {
        public string? Registered { get; private set; }

        public Task<string> EnsureWalletAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, WalletView>> FindByAddressesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<WalletView?> FindAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<WalletView>> RegisterPayoutAddressAsync(string userId, string address, string signature, CancellationToken cancellationToken)
        {
            Registered = address;
            return Task.FromResult<Result<WalletView>>(new WalletView(userId, Eip55, address, DateTimeOffset.UnixEpoch));
        }

        public Task<Result<WalletView>> SetPayoutPreferenceAsync(string userId, PayoutPreference preference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string PayoutChallenge(string userId, string address) => "";
    }

    [Fact]
    public void ForcedTransfer_ToAnotherSpellingOfTheHolder_IsRefused()
    {
        var errors = new ForceTransferValidator().Validate(new ForceTransfer("admin", new AssetId(Guid.NewGuid()), Eip55, " " + Eip55.ToLowerInvariant(), 1, "Court order 12"));

        var error = Assert.Single(errors);
        Assert.Equal(new FieldError("To", "The recipient must differ from the holder."), error);
    }

    [Fact]
    public void ForcedTransfer_WithMalformedAddresses_NamesEachField()
    {
        var errors = new ForceTransferValidator().Validate(new ForceTransfer("admin", new AssetId(Guid.NewGuid()), "0x123", Eip55 + "0", 1, "Court order 12"));

        Assert.Equal([new FieldError("From", "Enter the holder's address."), new FieldError("To", "Enter the recipient's address.")], errors);
    }

    [Theory]
    [InlineData("0x123")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Freezing_AMalformedAddress_IsAFieldError(string address)
    {
        var errors = new SetAddressFrozenValidator().Validate(new SetAddressFrozen("admin", address, true, "Stolen wallet"));

        Assert.Equal([new FieldError("Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")], errors);
    }

    [Fact]
    public void Freezing_AnyLetterCase_IsAccepted()
    {
        Assert.Empty(new SetAddressFrozenValidator().Validate(new SetAddressFrozen("admin", Eip55.ToLowerInvariant(), true, "Stolen wallet")));
    }

    [Fact]
    public void PayoutAddress_Malformed_IsAFieldError()
    {
        var errors = new RegisterPayoutAddressValidator().Validate(new RegisterPayoutAddress("user", "0xzz", "0xsig"));

        Assert.Equal([new FieldError("Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")], errors);
    }

    [Fact]
    public async Task PayoutAddress_IsPassedOnChecksummed()
    {
        var wallets = new Wallets();

        var result = await new RegisterPayoutAddressHandler(wallets).Handle(new RegisterPayoutAddress("user", " " + Eip55.ToLowerInvariant() + " ", " 0xsig "), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(Eip55, wallets.Registered);
    }
}
