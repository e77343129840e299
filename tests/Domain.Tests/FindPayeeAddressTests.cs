using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Tests;

public class FindPayeeAddressTests
{
    private sealed class Users : IUserDirectory
    {
        public Task<IReadOnlyList<UserSummary>> ListAsync(int skip, int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UserSummary>>([]);

        public Task<IReadOnlyDictionary<string, int>> CountByRoleAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());

        public Task<string?> FindUserIdByEmailAsync(string email, CancellationToken cancellationToken) =>
            Task.FromResult(email.Trim() == "nova@example.com" ? "user-nova" : email.Trim() == "kai@example.com" ? "user-kai" : null);
    }

    private sealed class Wallets : IWalletService
    {
        public Task<string> EnsureWalletAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, WalletView>> FindByAddressesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<WalletView?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<WalletView?>(userId switch
        {
            "user-nova" => new WalletView(userId, "0x" + new string('a', 40), null, DateTimeOffset.UnixEpoch),
            "user-kai" => new WalletView(userId, "0x" + new string('b', 40), "0x" + new string('c', 40), DateTimeOffset.UnixEpoch),
            _ => null,
        });

        public Task<Result<WalletView>> RegisterPayoutAddressAsync(string userId, string address, string signature, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<WalletView>> SetPayoutPreferenceAsync(string userId, PayoutPreference preference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string PayoutChallenge(string userId, string address) => "";
    }

    [Theory]
    [InlineData("nova@example.com", "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData(" kai@example.com ", "0xcccccccccccccccccccccccccccccccccccccccc")]
    public async Task Email_ResolvesToThePayoutAddressElseTheWallet(string email, string expected)
    {
        var result = await new FindPayeeAddressHandler(new Users(), new Wallets()).Handle(new FindPayeeAddress(email), CancellationToken.None);

        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public async Task UnknownEmail_IsNotFound()
    {
        var result = await new FindPayeeAddressHandler(new Users(), new Wallets()).Handle(new FindPayeeAddress("who@example.com"), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }
}
