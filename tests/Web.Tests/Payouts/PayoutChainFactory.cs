using System.Numerics;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>
/// The real app on a real anvil (managed, free port) and a fresh PostgreSQL, demo users and assets
/// seeded, with the chain workers removed: tests drive outbox, indexer and sync passes themselves, so
/// an outsider (another anvil account) can act at an exact point between two steps of a payout.
/// </summary>
public sealed class PayoutChainFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>anvil's 10th deterministic dev account: an outsider with no role in any contract.</summary>
    public const string StrangerKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static readonly string[] DrivenWorkers = ["OutboxWorker", "IndexerWorker", "ChainSyncWorker"];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tp-payouts-{Guid.NewGuid():N}");
    private TestPostgres _postgres = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.CreateAsync();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        _port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _ = Services; // starts the host: migrations, demo users, the managed chain and its contracts
        await EventuallyAsync(async () => Services.GetRequiredService<ContractAddressesProvider>().IsKnown, "contracts deployed", pump: false);
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Setup.DemoAssets>().SeedAsync(CancellationToken.None);
        }

        await EventuallyAsync(async () =>
        {
            using var scope = Services.CreateScope();
            var live = await scope.ServiceProvider.GetRequiredService<IAssetRepository>().ListByStatusAsync(AssetStatus.Live, 10, CancellationToken.None);
            var ops = await scope.ServiceProvider.GetRequiredService<IChainMonitor>().ListOperationsAsync(null, 500, CancellationToken.None);
            var awaiting = await scope.ServiceProvider.GetRequiredService<IAssetRepository>().ListAwaitingChainAsync(10, CancellationToken.None);
            return live.Count == 3 && ops.All(o => o.Status == ChainOperationStatus.Confirmed) && awaiting.Count == 0;
        }, "demo assets live, every set-up operation confirmed and recorded on the assets");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _postgres.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres.ConnectionString);
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Identity:SeedDemoUsers", "true");
        builder.UseSetting("Demo:SeedAssets", "false");
        builder.UseSetting("Chain:Mode", "Managed");
        builder.UseSetting("Chain:AnvilPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Chain:Confirmations", "1");
        builder.ConfigureTestServices(services =>
        {
            foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && DrivenWorkers.Contains(d.ImplementationType?.Name)).ToList())
            {
                services.Remove(worker);
            }
        });
    }

    public async Task<T> SendAsync<T>(Func<ISender, ValueTask<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>One pass of each chain worker, as the hosted workers would run them.</summary>
    public async Task PumpOnceAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventIndexer>().RunOnceAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DepositIndexer>().RunOnceAsync(CancellationToken.None);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new SyncAssetsWithChain());
            await sender.Send(new Domain.Investors.SyncPurchasesWithChain());
            await sender.Send(new Domain.Distributions.SyncDistributionsWithChain());
            await sender.Send(new Domain.Revenue.EnsureRevenueReceivers());
            await sender.Send(new Domain.Distributions.RunDueDistributions());
        }
    }

    /// <summary>Pumps (or only polls) until <paramref name="condition"/> holds.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string what, bool pump = true, int passes = 300)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            if (await condition())
            {
                return;
            }

            if (pump && Services.GetRequiredService<ContractAddressesProvider>().IsKnown)
            {
                await PumpOnceAsync();
            }
            else
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Timed out waiting for: {what}");
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    public async Task<string> WalletAsync(string userId) =>
        (await SendAsync(async s => await s.Send(new Domain.Wallets.GetMyWallet(userId)))).Value.Address;

    public async Task<Asset> AssetAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IAssetRepository>();
        var live = await repository.ListByStatusAsync(AssetStatus.Live, 10, CancellationToken.None);
        return (await repository.FindAsync(live.Single(a => a.Name == name).Id, CancellationToken.None))!;
    }

    public ChainClient Chain => Services.GetRequiredService<ChainClient>();

    public async Task<ContractAddresses> ContractsAsync() => await Services.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);

    public string RpcUrl => $"http://127.0.0.1:{_port}";

    /// <summary>A Web3 signing as the outsider.</summary>
    public Web3 Stranger() => new(new Nethereum.Web3.Accounts.Account(StrangerKey, Chain.Options.ChainId), RpcUrl);

    public async Task<long> UsdBalanceAsync(string address) =>
        (long)await Chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>()
            .QueryAsync<BigInteger>((await ContractsAsync()).TestUsd, new Erc20BalanceOfFunction { Account = address });

    /// <summary>Moves stablecoin out of a custodial wallet behind the platform's back (anvil impersonation), as if its owner spent it.</summary>
    public async Task DrainAsync(string from, long amount, string to)
    {
        var rpc = new Web3(RpcUrl);
        await rpc.Client.SendRequestAsync<object>("anvil_setBalance", null, from, new HexBigInteger(BigInteger.Pow(10, 19)).HexValue);
        await rpc.Client.SendRequestAsync<object>("anvil_impersonateAccount", null, from);
        var input = new Erc20TransferFunction { To = to, Value = amount }.CreateTransactionInput((await ContractsAsync()).TestUsd);
        input.From = from;
        input.Gas = new HexBigInteger(200_000);
        var hash = await rpc.Eth.Transactions.SendTransaction.SendRequestAsync(input);
        TransactionReceipt? receipt = null;
        for (var attempt = 0; attempt < 100 && receipt is null; attempt++)
        {
            receipt = await rpc.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash);
            if (receipt is null)
            {
                await Task.Delay(50);
            }
        }

        await rpc.Client.SendRequestAsync<object>("anvil_stopImpersonatingAccount", null, from);
        Assert.Equal(1, (int)receipt!.Status.Value);
    }

    /// <summary>The operations of a distribution, oldest first.</summary>
    public Task<List<ChainOperation>> StepsAsync(Guid distributionId) =>
        WithDbAsync(db => db.ChainOperations.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith(OperationKeys.DistributionPrefix(distributionId))).OrderBy(o => o.CreatedAt).ToListAsync());

    public static Task<bool> Done() => Task.FromResult(true);
}
