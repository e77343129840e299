using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TokenPlatform.Web.Tests;

public sealed partial class AccountTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(Url(path));
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        fields["_handler"] = handler;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(Url(path), form);
    }

    private static Dictionary<string, string> Registration(string email, string role) => new()
    {
        ["Input.DisplayName"] = "Test Person",
        ["Input.Email"] = email,
        ["Input.Role"] = role,
        ["Input.Password"] = "Sturdy!Pass1",
        ["Input.ConfirmPassword"] = "Sturdy!Pass1",
    };

    [Fact]
    public async Task Register_AsInvestor_SignsInWithTheInvestorRole()
    {
        using var client = factory.Anonymous();

        using var response = await PostFormAsync(client, "/Account/Register", "register", Registration($"new-{Guid.NewGuid():N}@example.com", "Investor"));
        var me = await client.GetFromJsonAsync<JsonElement>(Url("/api/v1/me"));
        var wallet = await client.GetFromJsonAsync<JsonElement>(Url("/api/v1/wallet"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Investor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Matches("^0x[0-9a-fA-F]{40}$", wallet.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Register_TamperedAdminRole_IsRefusedAndCreatesNoAccount()
    {
        using var client = factory.Anonymous();
        var email = $"sneaky-{Guid.NewGuid():N}@example.com";

        using var response = await PostFormAsync(client, "/Account/Register", "register", Registration(email, "Admin"));
        var html = await response.Content.ReadAsStringAsync();
        using var admin = await factory.LoggedInAsync("admin@demo.local");
        var users = await admin.GetFromJsonAsync<JsonElement>(Url("/api/v1/admin/users?take=500"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose investor, issuer or creator.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task Register_DuplicateEmail_ShowsFieldMessage()
    {
        using var client = factory.Anonymous();

        using var response = await PostFormAsync(client, "/Account/Register", "register", Registration("investor@demo.local", "Investor"));

        Assert.Contains("An account with this email already exists.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        using (var registering = factory.Anonymous())
        {
            using var registered = await PostFormAsync(registering, "/Account/Register", "register", Registration(email, "Creator"));
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var client = factory.Anonymous();
        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last?.Dispose();
            last = await PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
        }

        using var rightPassword = await PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Sturdy!Pass1" });

        Assert.Equal("/Account/Lockout", last!.Headers.Location?.AbsolutePath);
        Assert.Equal("/Account/Lockout", rightPassword.Headers.Location?.AbsolutePath);
        last.Dispose();
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsAMessage()
    {
        using var client = factory.Anonymous();

        using var response = await PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "nope" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
