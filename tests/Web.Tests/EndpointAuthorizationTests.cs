using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TokenPlatform.Web.Tests;

/// <summary>
/// Enumerates every endpoint the app maps: each must declare who may call it. A new page or endpoint
/// without [Authorize]/RequireAuthorization fails here unless it is knowingly public.
/// </summary>
public sealed class EndpointAuthorizationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    // Public on purpose: sign-in pages, health for load balancers, the API description, error pages.
    private static readonly string[] PublicRoutes =
    [
        "/Account/Login", "/Account/Register", "/Account/Lockout", "/Account/AccessDenied",
        "/health", "/openapi/{documentName}.json", "/not-found", "/Error",
    ];

    // Framework plumbing without metadata: protected by the fallback policy (signed-in users only).
    // "/{**path:file}" is the development static-file fallback of MapStaticAssets.
    private static readonly string[] FallbackProtectedPrefixes = ["/_blazor", "/_framework", "/{**path:file}"];

    private IReadOnlyList<RouteEndpoint> Endpoints()
    {
        using var client = factory.Anonymous(); // starts the host
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static bool IsStaticAsset(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || Path.HasExtension(e.RoutePattern.RawText ?? "");

    [Fact]
    public void EveryEndpoint_DeclaresAPolicyOrIsKnowinglyPublic()
    {
        var problems = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (anonymous && !PublicRoutes.Contains(route) && !IsStaticAsset(endpoint))
            {
                problems.Add($"{route} allows anonymous access but is not in the public list");
            }
            else if (!anonymous && !authorized && !FallbackProtectedPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal)))
            {
                problems.Add($"{route} ({endpoint.DisplayName}) declares no authorization");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void ApiEndpoints_AllRequireAuthorization_AndAdminOnesTheAdminPolicy()
    {
        var api = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(api);
        Assert.All(api, e => Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>()));
        var admin = api.Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/admin", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(admin);
        Assert.All(admin, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Setup.Policies.Admin));
    }

    [Fact]
    public void Pages_UnderAdmin_RequireTheAdminPolicy()
    {
        var pages = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/admin", StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Setup.Policies.Admin));
    }
}
