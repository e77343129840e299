using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Bench;

/// <summary>
/// Bulk revenue ingestion through the real HTTP API (Kestrel on loopback, API-key authentication,
/// validation, PostgreSQL binary COPY): requests of 10,000 events from several concurrent clients.
/// Reports sustained events/s and request latency percentiles.
/// </summary>
internal static class IngestBenchmark
{
    private const int EventsPerRequest = 10_000;
    private const int Requests = 120;
    private const int Clients = 4;
    private const int WarmUpRequests = 8;

    public static async Task<int> RunAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("TOKENPLATFORM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine("Set TOKENPLATFORM_TEST_POSTGRES (scripts/bench.sh ingest starts a throwaway PostgreSQL and sets it).");
            return 2;
        }

        var database = $"tp_bench_{Guid.NewGuid():N}";
        await using (var admin = new Npgsql.NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        var data = Path.Combine(Path.GetTempPath(), $"tp-bench-{Guid.NewGuid():N}");
        // The app's content root (WebApplicationFactory finds it through this variable outside test projects).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TOKENPLATFORM_WEB", Path.Combine(RepositoryRoot(), "src", "Web"));
        await using var app = new App(connection, data);
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (assetId, key) = await SetUpAsync(app.Services);

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var path = $"/api/v1/assets/{assetId}/revenue";
        for (var i = 0; i < WarmUpRequests; i++)
        {
            await SendAsync(http, path, Body(-1 - i));
        }

        // Bodies are built before the clock starts: the figure is the server's, not the client's JSON encoder.
        var bodies = Enumerable.Range(0, Requests).Select(Body).ToArray();
        var latencies = new double[Requests];
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var started = Stopwatch.GetTimestamp();
                await SendAsync(http, path, bodies[i]);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        stopwatch.Stop();

        long stored;
        await using (var check = new Npgsql.NpgsqlConnection(connection))
        {
            await check.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM revenue_events", check);
            stored = (long)(await count.ExecuteScalarAsync())!;
        }

        Array.Sort(latencies);
        var total = (long)Requests * EventsPerRequest;
        var expected = total + (long)WarmUpRequests * EventsPerRequest;
        Console.WriteLine($"Revenue ingestion: {Requests} requests x {EventsPerRequest:N0} events, {Clients} concurrent clients, PostgreSQL, HTTP on loopback");
        Console.WriteLine(new Table("Figure", "Value")
            .Row("Events", total.ToString("N0", CultureInfo.InvariantCulture))
            .Row("Wall time", $"{stopwatch.Elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)} s")
            .Row("Sustained throughput", $"{(total / stopwatch.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} events/s")
            .Row("Request latency p50", $"{Percentile(latencies, 0.50).ToString("N0", CultureInfo.InvariantCulture)} ms")
            .Row("Request latency p99", $"{Percentile(latencies, 0.99).ToString("N0", CultureInfo.InvariantCulture)} ms")
            .Row("Request latency max", $"{latencies[^1].ToString("N0", CultureInfo.InvariantCulture)} ms")
            .Row("Rows stored (incl. warm-up)", $"{stored:N0} (expected {expected:N0})"));

        Directory.Delete(data, recursive: true);
        if (stored != expected)
        {
            Console.WriteLine("FAIL: rows stored differ from events sent.");
            return 1;
        }

        Console.WriteLine("OK: every event stored exactly once.");
        return 0;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static byte[] Body(int request)
    {
        var builder = new StringBuilder(EventsPerRequest * 90).Append("{\"events\":[");
        for (var i = 0; i < EventsPerRequest; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"reference\":\"R").Append(request.ToString(CultureInfo.InvariantCulture)).Append('-').Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\",\"date\":\"2026-10-31\",\"source\":\"streaming\",\"amount\":").Append((1_000 + i).ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    private static async Task SendAsync(HttpClient http, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Ingestion failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (json.RootElement.GetProperty("recorded").GetInt32() != EventsPerRequest)
        {
            throw new InvalidOperationException($"Expected {EventsPerRequest} new events, got {json.RootElement}.");
        }
    }

    /// <summary>A live asset of the demo issuer (built through the aggregate; this host runs without a chain) and an API key.</summary>
    private static async Task<(AssetId Asset, string Key)> SetUpAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var issuer = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("issuer@demo.local")
            ?? throw new InvalidOperationException("The demo issuer is missing.");
        var now = DateTimeOffset.UtcNow;
        var asset = Asset.CreateDraft(issuer.Id, AssetKind.MusicRoyalty, "Benchmark track", now).Value;
        asset.SetDetails(MusicRoyaltyDetails.Create("Nova", "Bench", "FR-TPL-26-99999", MusicRights.Master, Money.FromMinorUnits(1).Value).Value, now);
        asset.SetTerms(AssetTerms.Create(10_000, Money.FromMinorUnits(1_000_000).Value, 1, BasisPoints.Create(1_000).Value, BasisPoints.Create(0).Value).Value, now);
        asset.SetOffering(OfferingPlan.Create(now, now.AddDays(30), null, now).Value, now);
        asset.SetSplit(RevenueSplit.Create([new SplitPayee("Nova", PayeeRole.Artist, "0x" + new string('1', 40), 5_000)], 5_000).Value, now);
        asset.AddDocument(AssetDocument.Create(DocumentKind.Document, "licence.pdf", "application/pdf", 1, new string('a', 64), "k", now).Value, now);
        asset.SubmitForReview(now);
        asset.Approve(Money.Zero, Guid.NewGuid(), now);
        asset.MarkLive(1, now);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(asset);
        await db.SaveChangesAsync();
        var key = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Domain.ApiKeys.CreateApiKey(issuer.Id, "benchmark"));
        return (asset.Id, key.Value.Secret);
    }

    /// <summary>The web app (its entry point found through any type of its assembly).</summary>
    private sealed class App(string connection, string dataDirectory) : WebApplicationFactory<TokenPlatform.Web.Setup.ScopedMediator>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development"); // demo users are seeded in Development only
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", connection);
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Identity:SeedDemoUsers", "true");
            builder.UseSetting("Chain:Mode", "Disabled");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
