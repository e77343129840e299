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
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
