using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests;

/// <summary>Both providers: migrations apply on an empty database and the Asset aggregate survives a round trip.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private string _sqliteFile = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.CreateAsync();
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"tp-test-{Guid.NewGuid():N}.db");
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private AppDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(_postgres.ConnectionString).Options),
        _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_sqliteFile}").Options),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_ApplyOnEmptyDatabase_AndLeaveNoPendingModelChange(DatabaseProvider provider)
    {
        await using var db = Create(provider);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        // Fails when the model changed without a migration for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Asset_WithTerms_RoundTripsEveryField(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 30, 15, TimeSpan.Zero).AddTicks(1234);
        var asset = Asset.CreateDraft("issuer-42", AssetKind.MusicRoyalty, "Night Drive (master)", now).Value;
        var terms = AssetTerms.Create(10_000, Money.FromMinorUnits(25_500_000).Value, 10, BasisPoints.Create(1_500).Value, BasisPoints.Create(750).Value).Value;
        Assert.True(asset.SetTerms(terms, now.AddSeconds(1)).IsSuccess);
        Assert.True(asset.SubmitForReview(now.AddSeconds(2)).IsSuccess);
        Assert.True(asset.Reject("Add the distribution agreement.", now.AddSeconds(3)).IsSuccess);

        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
        }

        await using (var db = Create(provider))
        {
            var loaded = await db.Assets.SingleAsync(a => a.Id == asset.Id);

            Assert.Equal("issuer-42", loaded.IssuerId);
            Assert.Equal(AssetKind.MusicRoyalty, loaded.Kind);
            Assert.Equal("Night Drive (master)", loaded.Name);
            Assert.Equal(AssetStatus.Rejected, loaded.Status);
            Assert.Equal("Add the distribution agreement.", loaded.RejectionReason);
            Assert.Equal(now, loaded.CreatedAt);
            Assert.Equal(now.AddSeconds(3), loaded.UpdatedAt);
            Assert.Equal(terms, loaded.Terms);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Repository_ListsAndCountsByStatus(DatabaseProvider provider)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.Assets.Add(Asset.CreateDraft("a", AssetKind.Art, "Older draft", now).Value);
            db.Assets.Add(Asset.CreateDraft("a", AssetKind.Art, "Newer draft", now.AddMinutes(1)).Value);
            db.Assets.Add(Asset.CreateDraft("b", AssetKind.RealEstate, "Someone else's", now).Value);
            await db.SaveChangesAsync();
        }

        await using (var db = Create(provider))
        {
            var repository = new AssetRepository(db);

            var mine = await repository.ListByIssuerAsync("a", CancellationToken.None);
            var counts = await repository.CountByStatusAsync(CancellationToken.None);

            Assert.Equal(["Newer draft", "Older draft"], mine.Select(a => a.Name));
            Assert.Equal(3, counts[AssetStatus.Draft]);
            Assert.Empty(await repository.ListByStatusAsync(AssetStatus.Approved, 10, CancellationToken.None));
        }
    }
}
