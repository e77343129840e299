using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TokenPlatform.Web.Tests;

/// <summary>
/// The authorization matrix, by behaviour: every admin page and admin API endpoint (enumerated from the
/// app's routing, so a new one is covered without editing this test) refuses anonymous users and every
/// other role - the API with 401/403, pages with a redirect to the login or access-denied page - and
/// lets an admin through.
/// </summary>
public sealed class AdminAccessMatrixTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string> OtherRoles => ["investor@demo.local", "issuer@demo.local", "creator@demo.local"];

    private List<(string Method, string Path, bool IsApi)> AdminRoutes()
    {
        using var client = factory.Anonymous(); // starts the host
        var routes = new List<(string, string, bool)>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isApi = raw.StartsWith("/api/v1/admin", StringComparison.Ordinal);
            if (!isApi && !raw.StartsWith("/admin", StringComparison.Ordinal))
            {
                continue;
            }

            // Route parameters get a syntactically valid value: authorization runs before any lookup.
            var path = System.Text.RegularExpressions.Regex.Replace(raw, "\\{[^}]+\\}", Guid.NewGuid().ToString());
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Distinct().Select(m => (m, path, isApi)));
        }

        return routes;
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Anonymous_IsRefusedEverywhere()
    {
        var routes = AdminRoutes();
        using var client = factory.Anonymous();
        var wrong = new List<string>();
        foreach (var (method, path, isApi) in routes)
        {
            using var response = await client.SendAsync(Request(method, path));
            var ok = isApi
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal);
            if (!ok)
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(routes.Count >= 15, $"Expected the admin surface to be enumerated, found {routes.Count} routes.");
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task OtherRoles_AreRefusedEverywhere(string email)
    {
        var routes = AdminRoutes();
        using var client = await factory.LoggedInAsync(email);
        var wrong = new List<string>();
        foreach (var (method, path, isApi) in routes)
        {
            using var response = await client.SendAsync(Request(method, path));
            var ok = isApi
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal);
            if (!ok)
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task AnAdmin_ReachesEveryAdminPage()
    {
        using var client = await factory.LoggedInAsync("admin@demo.local");
        var wrong = new List<string>();
        foreach (var (_, path, _) in AdminRoutes().Where(r => !r.IsApi && !r.Path.Contains('-', StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }
}
