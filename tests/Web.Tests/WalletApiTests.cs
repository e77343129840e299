using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace TokenPlatform.Web.Tests;

public sealed class WalletApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task EveryDemoAccount_HasACustodialWalletAddress_AndNoKeyIsReturned()
    {
        using var client = await factory.LoggedInAsync("investor@demo.local");

        using var response = await client.GetAsync(Url("/api/v1/wallet"));
        var body = await response.Content.ReadAsStringAsync();
        var wallet = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^0x[0-9a-fA-F]{40}$", wallet.GetProperty("address").GetString());
        Assert.DoesNotContain("key", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PayoutAddress_WithTheOwnersSignature_IsSaved_AndAForgedOneIs400()
    {
        using var client = await factory.LoggedInAsync("creator@demo.local");
        var owner = EthECKey.GenerateKey();
        var impostor = EthECKey.GenerateKey();
        var challenge = (await client.GetFromJsonAsync<JsonElement>(Url($"/api/v1/wallet/payout-challenge?address={owner.GetPublicAddress()}"))).GetProperty("message").GetString()!;
        var signer = new EthereumMessageSigner();

        using var forged = await client.PostAsJsonAsync(Url("/api/v1/wallet/payout-address"), new { address = owner.GetPublicAddress(), signature = signer.EncodeUTF8AndSign(challenge, impostor) });
        using var genuine = await client.PostAsJsonAsync(Url("/api/v1/wallet/payout-address"), new { address = owner.GetPublicAddress(), signature = signer.EncodeUTF8AndSign(challenge, owner) });
        var saved = await genuine.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Signature", out _));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(owner.GetPublicAddress(), saved.GetProperty("payoutAddress").GetString());
    }

    [Fact]
    public async Task Faucet_OnAChainThatIsNotForDevelopment_Is404_FromTheUseCase_AndThePageOffersNoButton()
    {
        using var client = await factory.LoggedInAsync("investor@demo.local");

        using var response = await client.PostAsync(Url("/api/v1/wallet/faucet"), null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        var viaUseCase = await sender.Send(new Domain.Investors.RequestTestFunds("any-user"));
        var faucet = await sender.Send(new Domain.Investors.GetTestFaucet());
        var page = await client.GetStringAsync(Url("/wallet"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("faucet.disabled", problem.GetProperty("title").GetString());
        Assert.Equal("faucet.disabled", viaUseCase.Error!.Code);
        Assert.False(faucet.Available);
        Assert.Contains("data-testid=\"wallet-address\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"faucet\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayoutChallenge_ForAMalformedAddress_Is400()
    {
        using var client = await factory.LoggedInAsync("creator@demo.local");

        using var response = await client.GetAsync(Url("/api/v1/wallet/payout-challenge?address=0x123"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ChainAdminEndpoints_RefuseInvestors_AndServeAdmins()
    {
        using var investor = await factory.LoggedInAsync("investor@demo.local");
        using var admin = await factory.LoggedInAsync("admin@demo.local");

        using var denied = await investor.GetAsync(Url("/api/v1/admin/chain/operations"));
        using var list = await admin.GetAsync(Url("/api/v1/admin/chain/operations"));
        using var retry = await admin.PostAsync(Url($"/api/v1/admin/chain/operations/{Guid.NewGuid()}/retry"), null);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }
}
