using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Identity;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// The one model of the platform. Each provider has a thin subclass only so that EF Core can keep
/// one migrations set per provider (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IUnitOfWork
{
    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<Chain.Outbox.ChainOperation> ChainOperations => Set<Chain.Outbox.ChainOperation>();

    public DbSet<Chain.Outbox.ChainNonce> ChainNonces => Set<Chain.Outbox.ChainNonce>();

    public DbSet<Chain.Outbox.ChainDeployment> ChainDeployments => Set<Chain.Outbox.ChainDeployment>();

    public DbSet<Chain.Indexing.ChainCursor> ChainCursors => Set<Chain.Indexing.ChainCursor>();

    public DbSet<Chain.Indexing.AssetHolding> AssetHoldings => Set<Chain.Indexing.AssetHolding>();

    public DbSet<Chain.Indexing.HoldingChange> HoldingChanges => Set<Chain.Indexing.HoldingChange>();

    public DbSet<Wallets.CustodialWallet> CustodialWallets => Set<Wallets.CustodialWallet>();

    Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

    /// <summary>
    /// PostgreSQL: a transaction-scoped advisory lock named after the lock (every instance waits for it).
    /// SQLite (single instance by design): an in-process lock around the transaction.
    /// </summary>
    async Task<IExclusiveSection> IUnitOfWork.BeginExclusiveAsync(string lockName, CancellationToken cancellationToken)
    {
        if (Database.IsNpgsql())
        {
            var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var key = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lockName)), 0);
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            return new ExclusiveSection(transaction, null);
        }

        var gate = InProcessLocks.GetOrAdd(lockName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return new ExclusiveSection(await Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> InProcessLocks = new(StringComparer.Ordinal);

    private sealed class ExclusiveSection(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, SemaphoreSlim? gate) : IExclusiveSection
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            gate?.Release();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Stored as ticks so SQLite can sort and compare them like PostgreSQL does.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // Amounts (distributions and their lines) in the same bigint/INTEGER columns as their minor units.
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
