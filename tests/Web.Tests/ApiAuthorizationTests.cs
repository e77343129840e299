using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TokenPlatform.Web.Tests;

public sealed class ApiAuthorizationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task AdminEndpoint_Anonymous_Gets401ProblemDetails()
    {
        using var client = factory.Anonymous();

        using var response = await client.GetAsync(Url("/api/v1/admin/users"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("investor@demo.local")]
    [InlineData("issuer@demo.local")]
    [InlineData("creator@demo.local")]
    public async Task AdminEndpoint_OtherRoles_Get403(string email)
    {
        using var client = await factory.LoggedInAsync(email);

        using var response = await client.GetAsync(Url("/api/v1/admin/users"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminEndpoint_Admin_ListsTheDemoAccountsWithRoles()
    {
        using var client = await factory.LoggedInAsync("admin@demo.local");

        var users = await client.GetFromJsonAsync<JsonElement>(Url("/api/v1/admin/users"));

        var byEmail = users.EnumerateArray().ToDictionary(u => u.GetProperty("email").GetString()!, u => u.GetProperty("roles")[0].GetString());
        Assert.Equal("Investor", byEmail["investor@demo.local"]);
        Assert.Equal("Admin", byEmail["admin@demo.local"]);
    }

    [Fact]
    public async Task AdminEndpoint_BadPaging_Gets400WithFieldErrors()
    {
        using var client = await factory.LoggedInAsync("admin@demo.local");

        using var response = await client.GetAsync(Url("/api/v1/admin/users?take=0&skip=-1"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Take", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Skip", out _));
    }

    [Fact]
    public async Task Me_ReturnsTheSignedInAccount()
    {
        using var client = await factory.LoggedInAsync("creator@demo.local");

        var me = await client.GetFromJsonAsync<JsonElement>(Url("/api/v1/me"));

        Assert.Equal("creator@demo.local", me.GetProperty("email").GetString());
        Assert.Equal(["Creator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AdminPage_Investor_IsSentToAccessDenied_AndAnonymousToLogin()
    {
        using var investor = await factory.LoggedInAsync("investor@demo.local");
        using var anonymous = factory.Anonymous();

        using var denied = await investor.GetAsync(Url("/admin/users"));
        using var login = await anonymous.GetAsync(Url("/admin/users"));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/Login", login.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        using var client = factory.Anonymous();

        var health = await client.GetFromJsonAsync<JsonElement>(Url("/health"));

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheV1Api()
    {
        using var client = factory.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>(Url("/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/admin/users", paths);
        Assert.Contains("/api/v1/assets/drafts", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }
}
