using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Web.Tests;

/// <summary>The real app (Development, demo users seeded) on its own fresh PostgreSQL database.</summary>
public sealed partial class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tp-web-{Guid.NewGuid():N}");

    public async Task InitializeAsync() => _postgres = await TestPostgres.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _postgres.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres.ConnectionString);
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Identity:SeedDemoUsers", "true");
        // These tests do not exercise the chain (tests/Infrastructure.Tests do, on a real anvil).
        builder.UseSetting("Chain:Mode", "Disabled");
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Logs in through the real login form (antiforgery token included) and returns a client holding the cookie.</summary>
    public async Task<HttpClient> LoggedInAsync(string email, string password = DemoUsers.Password)
    {
        var client = Anonymous();
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
