using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TokenPlatform.Web.Tests;

public sealed class AssetDraftApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static readonly Uri Drafts = new("/api/v1/assets/drafts", UriKind.Relative);
    private static readonly Uri Mine = new("/api/v1/assets/mine", UriKind.Relative);

    [Fact]
    public async Task CreateDraft_InvalidFields_Gets400ValidationProblemAndStoresNothing()
    {
        using var client = await factory.LoggedInAsync("issuer@demo.local");
        var before = (await client.GetFromJsonAsync<JsonElement>(Mine)).GetArrayLength();

        using var response = await client.PostAsJsonAsync(Drafts, new { kind = "Art", name = "x" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("3 to 120", problem.GetProperty("errors").GetProperty("Name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>(Mine)).GetArrayLength());
    }

    [Theory]
    [InlineData("{\"kind\":\"Banana\",\"name\":\"Valid name\"}")]
    [InlineData("not json")]
    public async Task CreateDraft_UnreadableBody_Gets400ProblemDetails(string body)
    {
        using var client = await factory.LoggedInAsync("issuer@demo.local");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Drafts, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateDraft_Valid_Gets201AndTheIssuerSeesIt()
    {
        using var client = await factory.LoggedInAsync("issuer@demo.local");

        using var response = await client.PostAsJsonAsync(Drafts, new { kind = "RealEstate", name = "12 Rue des Lilas, Lyon" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mine = await client.GetFromJsonAsync<JsonElement>(Mine);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = Assert.Single(mine.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("RealEstate", draft.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task CreateDraft_Investor_Gets403()
    {
        using var client = await factory.LoggedInAsync("investor@demo.local");

        using var response = await client.PostAsJsonAsync(Drafts, new { kind = "Art", name = "Not mine to make" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
