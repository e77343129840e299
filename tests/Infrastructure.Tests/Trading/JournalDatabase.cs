using Microsoft.EntityFrameworkCore;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Infrastructure.Trading;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>A fresh migrated database of either provider, and journal stores on it.</summary>
public sealed class JournalDatabase : IAsyncDisposable
{
    private readonly TestPostgres? _postgres;
    private readonly string? _sqliteFile;

    private JournalDatabase(DatabaseProvider provider, TestPostgres? postgres, string? sqliteFile) => (Provider, _postgres, _sqliteFile) = (provider, postgres, sqliteFile);

    public DatabaseProvider Provider { get; }

    public static async Task<JournalDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = await TestPostgres.CreateAsync();
            await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres.ConnectionString).Options);
            await db.Database.MigrateAsync();
            return new JournalDatabase(provider, postgres, null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"tp-journal-{Guid.NewGuid():N}.db");
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options))
        {
            await db.Database.MigrateAsync();
        }

        return new JournalDatabase(provider, null, file);
    }

    /// <summary>The provider's name and connection string, for a child process.</summary>
    public (string Provider, string Connection) Arguments() => Provider == DatabaseProvider.Postgres
        ? ("postgres", _postgres!.ConnectionString)
        : ("sqlite", $"Data Source={_sqliteFile};Pooling=False");

    public IJournalStore Store() => Provider == DatabaseProvider.Postgres
        ? new PostgresJournalStore(_postgres!.ConnectionString)
        : new SqliteJournalStore($"Data Source={_sqliteFile};Pooling=False");

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
    }
}
