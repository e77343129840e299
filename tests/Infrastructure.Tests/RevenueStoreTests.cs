using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests;

/// <summary>Revenue ingestion on both real databases: idempotent by reference, all-or-nothing, readable by EF.</summary>
public sealed class RevenueStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private TestPostgres _postgres = null!;
    private string _sqliteFile = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.CreateAsync();
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"tp-revenue-{Guid.NewGuid():N}.db");
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private async Task<AppDbContext> CreateAsync(DatabaseProvider provider)
    {
        AppDbContext db = provider switch
        {
            DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(_postgres.ConnectionString).Options),
            _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_sqliteFile}").Options),
        };
        await db.Database.MigrateAsync();
        return db;
    }

    private static RevenueEvent Event(AssetId asset, string reference, long amount, string? description = null) =>
        new(Guid.CreateVersion7(), asset, new RevenueLine(reference, new DateOnly(2026, 10, 31), RevenueSource.Streaming, Money.FromMinorUnits(amount).Value, description),
            "creator-1", RevenueChannel.Api, Now);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SameReferenceTwice_RecordsOneEvent_AndEveryFieldReadsBack(DatabaseProvider provider)
    {
        await using var db = await CreateAsync(provider);
        var store = new RevenueStore(db);
        var asset = AssetId.New();
        var other = AssetId.New();

        Assert.Equal(2, await store.AddNewAsync([Event(asset, "SPOT-2026-10", 1_234_567, "Spotify, October"), Event(asset, "APPL-2026-10", 500)], CancellationToken.None));
        Assert.Equal(1, await store.AddNewAsync([Event(asset, "SPOT-2026-10", 9_999), Event(asset, "DEEZ-2026-10", 42)], CancellationToken.None));
        Assert.Equal(1, await store.AddNewAsync([Event(other, "SPOT-2026-10", 7)], CancellationToken.None)); // references are per asset

        var events = await store.ListAsync(asset, 10, CancellationToken.None);
        Assert.Equal(3, events.Count);
        var spotify = Assert.Single(events, e => e.ExternalReference == "SPOT-2026-10");
        Assert.Equal(1_234_567, spotify.AmountMinorUnits);
        Assert.Equal("Spotify, October", spotify.Description);
        Assert.Equal(new DateOnly(2026, 10, 31), spotify.OccurredOn);
        Assert.Equal(RevenueChannel.Api, spotify.Channel);
        Assert.Equal(Now, spotify.RecordedAt);
        Assert.Null(spotify.DistributionId);
        Assert.Equal(["DEEZ-2026-10", "SPOT-2026-10"], (await store.ExistingReferencesAsync(asset, ["SPOT-2026-10", "DEEZ-2026-10", "NEW"], CancellationToken.None)).Order(StringComparer.Ordinal));
        var total = Assert.Single(await store.TotalsAsync(asset, CancellationToken.None));
        Assert.Equal((2026, 10, RevenueSource.Streaming, 1_235_109L, 3), (total.Year, total.Month, total.Source, total.AmountMinorUnits, total.Events));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ABatchThatFails_RecordsNothing(DatabaseProvider provider)
    {
        await using var db = await CreateAsync(provider);
        var store = new RevenueStore(db);
        var asset = AssetId.New();
        var tooLong = new string('x', 600); // over the column's 500 characters on PostgreSQL; SQLite does not enforce lengths

        var batch = new[] { Event(asset, "OK-1", 10), Event(asset, "OK-2", 20), Event(asset, "BAD", 30, tooLong) };
        if (provider == DatabaseProvider.Postgres)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => store.AddNewAsync(batch, CancellationToken.None));
            Assert.Empty(await store.ListAsync(asset, 10, CancellationToken.None));
        }

        Assert.Equal(2, await store.AddNewAsync(batch[..2], CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TenThousandEvents_InOneBatch_AreAllRecorded_AndReplayingThemRecordsNone(DatabaseProvider provider)
    {
        await using var db = await CreateAsync(provider);
        var store = new RevenueStore(db);
        var asset = AssetId.New();
        var batch = Enumerable.Range(0, 10_000).Select(i => Event(asset, $"LINE-{i:D5}", i + 1)).ToList();

        Assert.Equal(10_000, await store.AddNewAsync(batch, CancellationToken.None));
        Assert.Equal(0, await store.AddNewAsync(batch, CancellationToken.None));
        Assert.Equal((Int128)50_005_000L, (await store.TotalsAsync(asset, CancellationToken.None)).Aggregate(Int128.Zero, (sum, t) => sum + t.AmountMinorUnits));
    }
}
