using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests;

/// <summary>
/// A database migrated with the pre-release chain (before the squash) on both providers. The old migrations
/// cannot run any more, so the old state is Initial's schema with the old history rows in place of its own.
/// </summary>
public sealed class SquashedMigrationsTests : IAsyncLifetime
{
    private static readonly Dictionary<DatabaseProvider, string> LastPreSquash = new()
    {
        [DatabaseProvider.Sqlite] = "20261204213736_StandingAuthorizations",
        [DatabaseProvider.Postgres] = "20261204213742_StandingAuthorizations",
    };

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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Initializer_OnDatabaseAtLastPreSquashMigration_RecordsInitialInPlaceOfOldHistoryAndKeepsData(DatabaseProvider provider)
    {
        var asset = Asset.CreateDraft("issuer-1", AssetKind.Art, "Kept across the squash", DateTimeOffset.UnixEpoch.AddYears(56)).Value;
        var initial = await CreateOldDatabaseAsync(provider, ChainOf(provider), asset);

        await InitializeAsync(provider);

        await using var db = Create(provider);
        // Initial in place of the old history, then the migrations added since the squash, applied on top.
        Assert.Equal(initial, db.Database.GetMigrations().First());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal("Kept across the squash", (await db.Assets.SingleAsync(a => a.Id == asset.Id)).Name);
        Assert.Equal(Domain.Common.Roles.All.Count, await db.Roles.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Initializer_OnDatabaseStoppedBeforeLastPreSquashMigration_RefusesToStartAndLeavesHistoryAlone(DatabaseProvider provider)
    {
        var chain = ChainOf(provider);
        Assert.Equal(LastPreSquash[provider], chain[^1]);
        var partial = chain.Take(chain.Count - 2).ToList();
        await CreateOldDatabaseAsync(provider, partial, asset: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InitializeAsync(provider));

        Assert.Contains("older pre-release build", error.Message, StringComparison.Ordinal);
        Assert.Contains(partial[^1], error.Message, StringComparison.Ordinal);
        Assert.Contains(SquashedMigrations.LastCommitWithOldChain, error.Message, StringComparison.Ordinal);
        await using var db = Create(provider);
        Assert.Equal(partial, await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migration_GivesOperationsThatFailedBeforeFailureCodes_TheCodeTheirErrorNames(DatabaseProvider provider)
    {
        await using (var db = Create(provider))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_ChainFailureCode", StringComparison.Ordinal)) - 1];
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            foreach (var (key, status, error) in new[]
            {
                ("sold-out", "Failed", "reverted: SoldOut(assetId=1, available=0, requested=2)"),
                ("erc20", "Failed", "rejected before sending: ERC20InsufficientBalance(sender=0x1, balance=0, needed=5)"),
                ("settlement", "Failed", "rejected before sending: AccountNotVerified(account=0x1)"),
                ("dependent", "Failed", "the operation it depends on failed"),
                ("confirmed", "Confirmed", "reverted: SoldOut(assetId=1)"),
            })
            {
                object id = provider == DatabaseProvider.Sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"chain_operations\" (\"Id\", \"IdempotencyKey\", \"Kind\", \"Payload\", \"Status\", \"Attempts\", \"NextAttemptAt\", \"CreatedAt\", \"UpdatedAt\", \"Error\") VALUES ({id}, {key}, {"kind"}, {"{}"}, {status}, {0}, {0L}, {0L}, {0L}, {error})");
            }

            await db.Database.MigrateAsync();
        }

        await using var check = Create(provider);
        var codes = await check.ChainOperations.AsNoTracking().ToDictionaryAsync(o => o.IdempotencyKey, o => o.ToView().Failure);
        Assert.Equal(Domain.Chain.ChainFailure.SoldOut, codes["sold-out"]);
        Assert.Equal(Domain.Chain.ChainFailure.ERC20InsufficientBalance, codes["erc20"]);
        Assert.Equal(Domain.Chain.ChainFailure.Other, codes["settlement"]);
        Assert.Equal(Domain.Chain.ChainFailure.DependencyFailed, codes["dependent"]);
        Assert.Null(codes["confirmed"]);
    }

    private IReadOnlyList<string> ChainOf(DatabaseProvider provider)
    {
        using var db = Create(provider);
        return SquashedMigrations.ChainOf(db);
    }

    private AppDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(_postgres.ConnectionString).Options),
        _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_sqliteFile}").Options),
    };

    /// <summary>Initial's schema (which the old chain ended at, without what was added since), optionally a row, and the given old history instead of Initial's.</summary>
    private async Task<string> CreateOldDatabaseAsync(DatabaseProvider provider, IEnumerable<string> oldHistory, Asset? asset)
    {
        await using var db = Create(provider);
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        if (asset is not null)
        {
            // Written in Initial's columns (the model has moved on since): EF stores a Guid as upper-case text on SQLite, times as UTC ticks.
            object id = provider == DatabaseProvider.Sqlite ? asset.Id.Value.ToString().ToUpperInvariant() : asset.Id.Value;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"assets\" (\"Id\", \"IssuerId\", \"Kind\", \"Name\", \"Status\", \"CreatedAt\", \"UpdatedAt\") VALUES ({id}, {asset.IssuerId}, {asset.Kind.ToString()}, {asset.Name}, {asset.Status.ToString()}, {asset.CreatedAt.UtcTicks}, {asset.UpdatedAt.UtcTicks})");
        }

        var initial = Assert.Single(await db.Database.GetAppliedMigrationsAsync());
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {initial}");
        foreach (var id in oldHistory)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({id}, '10.0.15')");
        }

        return initial;
    }

    private async Task InitializeAsync(DatabaseProvider provider)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped(_ => Create(provider));
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<DatabaseInitializer>();
        await using var container = services.BuildServiceProvider();
        await using var scope = container.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }
}
