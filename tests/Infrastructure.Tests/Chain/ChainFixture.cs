using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexTypes;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Anvil;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>
/// A real anvil (the app's own ManagedAnvil) on a free port, the contracts deployed by the app's
/// deployer, and the Infrastructure services on a fresh PostgreSQL database. Hosted workers are not
/// started: tests drive the outbox processor pass by pass.
/// </summary>
public class ChainFixture : IAsyncLifetime
{
    /// <summary>The database the app runs on in this fixture (PostgreSQL here; SQLite in <see cref="SqliteChainFixture"/>).</summary>
    protected virtual bool UseSqlite => false;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tp-chain-{Guid.NewGuid():N}");
    private TestPostgres? _postgres;

    public ServiceProvider Services { get; private set; } = null!;

    public ManagedAnvil Anvil { get; private set; } = null!;

    public ContractAddresses Contracts { get; private set; } = null!;

    public ConcurrentQueue<string> Logs { get; } = new();

    public ChainClient Chain => Services.GetRequiredService<ChainClient>();

    public virtual async Task InitializeAsync()
    {
        _postgres = UseSqlite ? null : await TestPostgres.CreateAsync();
        var port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = UseSqlite ? "Sqlite" : "Postgres",
            ["Database:DataDirectory"] = _dataDirectory,
            ["ConnectionStrings:Postgres"] = _postgres?.ConnectionString,
            ["ConnectionStrings:Sqlite"] = "Data Source=chain-tests.db",
            ["Chain:Mode"] = "Managed",
            ["Chain:AnvilPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chain:Confirmations"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new CapturingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddInfrastructure(configuration);
        Services = services.BuildServiceProvider();

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        var options = Services.GetRequiredService<ChainOptions>();
        Anvil = new ManagedAnvil(ManagedAnvil.LocateBinary(), options.AnvilPort, options.ChainId,
            Path.Combine(_dataDirectory, "chain", "anvil.json"), Services.GetRequiredService<ILogger<ChainFixture>>());
        await Anvil.StartAsync(CancellationToken.None);
        await FundAsync(Chain.OperatorAddress);
        await using (var scope = Services.CreateAsyncScope())
        {
            Contracts = await scope.ServiceProvider.GetRequiredService<ChainDeployer>().EnsureDeployedAsync(CancellationToken.None);
        }

        Services.GetRequiredService<ContractAddressesProvider>().Set(Contracts);
    }

    public virtual async Task DisposeAsync()
    {
        await Anvil.DisposeAsync();
        await Services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public Task FundAsync(string address) =>
        Chain.Web3.Client.SendRequestAsync<object>("anvil_setBalance", null, address, new HexBigInteger(System.Numerics.BigInteger.Pow(10, 20)).HexValue);

    /// <summary>Runs outbox passes (fresh scope each, like the worker) until the predicate holds.</summary>
    public async Task RunOutboxUntilAsync(Func<AppDbContext, Task<bool>> done, int maxPasses = 50)
    {
        for (var pass = 0; pass < maxPasses; pass++)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);
            if (await done(scope.ServiceProvider.GetRequiredService<AppDbContext>()))
            {
                return;
            }
        }

        throw new TimeoutException($"The outbox did not reach the expected state in {maxPasses} passes.");
    }

    public static async Task<bool> AllConfirmed(AppDbContext db, IEnumerable<Guid> ids)
    {
        var wanted = ids.ToList();
        return await db.ChainOperations.CountAsync(o => wanted.Contains(o.Id) && o.Status == ChainOperationStatus.Confirmed) == wanted.Count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The same chain set-up on the app's default database, SQLite.</summary>
public sealed class SqliteChainFixture : ChainFixture
{
    protected override bool UseSqlite => true;
}
