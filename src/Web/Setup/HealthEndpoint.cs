using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Web.Setup;

internal static class HealthEndpoint
{
    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", customTestQuery: (db, ct) => db.Database.CanConnectAsync(ct))
            .AddCheck<ChainHealthCheck>("chain")
            .AddCheck<OutboxHealthCheck>("outbox")
            .AddCheck<IndexerHealthCheck>("indexer");
        return services;
    }

    /// <summary>Public on purpose (load balancers call it); it reveals statuses, never configuration or secrets.</summary>
    public static void MapPlatformHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
