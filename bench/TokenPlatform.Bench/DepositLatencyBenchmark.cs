using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nethereum.Web3;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Bench;

/// <summary>
/// Royalties on arrival, end to end on the real app (workers running) and a managed anvil mining a
/// block every 2 seconds: an outside account pays an asset's deposit address; measured from the
/// deposit's receipt (final at 1 confirmation) until the payee's balance and the auto-pay holder's
/// balance on chain have risen, in seconds and in blocks. Demo asset "Blue Horse": one payee (15%),
/// one holder (the issuer, holding the unsold fractions, on automatic payout).
/// </summary>
internal static class DepositLatencyBenchmark
{
    private const int Deposits = 12;
    internal const int BlockSeconds = 2;
    internal const string LabelKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    public static async Task<int> RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), $"tp-bench-deposit-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TOKENPLATFORM_WEB", Path.Combine(IngestBenchmark.RepositoryRoot(), "src", "Web"));
        var setUp = Stopwatch.StartNew();
        await using var app = new App(data, FreePort());
        var services = app.Services;
        var asset = await EventuallyAsync(async () =>
        {
            using var scope = services.CreateScope();
            var repository = scope.ServiceProvider.GetRequiredService<IAssetRepository>();
            var live = await repository.ListByStatusAsync(AssetStatus.Live, 10, CancellationToken.None);
            return live.FirstOrDefault(a => a.Name == "Blue Horse (study)") is { } summary ? await repository.FindAsync(summary.Id, CancellationToken.None) : null;
        }, TimeSpan.FromMinutes(6), "the demo asset live");
        var (issuer, creator) = await UsersAsync(services);
        await SendAsync(services, s => s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, null)));
        var deposit = await EventuallyAsync(async () => (await SendAsync(services, s => s.Send(new GetDepositAddress(issuer, asset.Id)))) is { IsSuccess: true, Value.Ready: true } view ? view.Value : null,
            TimeSpan.FromMinutes(3), "the deposit address on chain");
        var chain = services.GetRequiredService<ChainClient>();
        var contracts = await services.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
        var label = new Web3(new Nethereum.Web3.Accounts.Account(LabelKey, chain.Options.ChainId), chain.Options.RpcUrl);
        await MintAsync(services, label.TransactionManager.Account.Address, 1_000_000_000_000);
        await EventuallyAsync(async () => await BalanceAsync(chain, contracts, label.TransactionManager.Account.Address) > 0 ? (object)true : null, TimeSpan.FromMinutes(2), "the label's test money");
        var payee = await WalletAsync(services, creator);
        var holder = await WalletAsync(services, issuer);
        Console.WriteLine($"Set-up (app, chain with {BlockSeconds}-second blocks, contracts, demo assets, deposit address): {setUp.Elapsed.TotalSeconds:F0} s");

        var payeeSeconds = new List<double>();
        var holderSeconds = new List<double>();
        var payeeBlocks = new List<long>();
        var holderBlocks = new List<long>();
        for (var i = 0; i < Deposits; i++)
        {
            var payeeBefore = await BalanceAsync(chain, contracts, payee);
            var holderBefore = await BalanceAsync(chain, contracts, holder);
            var receipt = await label.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
                .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new Erc20TransferFunction { To = deposit.Address, Value = 100_000_000 + i });
            var clock = Stopwatch.StartNew();
            var depositBlock = (long)receipt.BlockNumber.Value;
            double? payeeAt = null, holderAt = null;
            long? payeeBlock = null, holderBlock = null;
            while ((payeeAt is null || holderAt is null) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50);
                var head = (long)(await chain.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
                if (payeeAt is null && await BalanceAsync(chain, contracts, payee) > payeeBefore)
                {
                    (payeeAt, payeeBlock) = (clock.Elapsed.TotalSeconds, head - depositBlock);
                }

                if (holderAt is null && await BalanceAsync(chain, contracts, holder) > holderBefore)
                {
                    (holderAt, holderBlock) = (clock.Elapsed.TotalSeconds, head - depositBlock);
                }
            }

            if (payeeAt is null || holderAt is null)
            {
                Console.Error.WriteLine($"Deposit {i}: not paid out within 2 minutes.");
                return 1;
            }

            payeeSeconds.Add(payeeAt.Value);
            holderSeconds.Add(holderAt.Value);
            payeeBlocks.Add(payeeBlock!.Value);
            holderBlocks.Add(holderBlock!.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deposit {i + 1,2}: payee paid after {payeeAt:F1} s ({payeeBlock} blocks), holder after {holderAt:F1} s ({holderBlock} blocks)"));
            await Task.Delay(TimeSpan.FromSeconds(BlockSeconds));
        }

        await SendAsync(services, s => s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Manual, null)));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deposit confirmed -> payee's balance: p50 {Percentile(payeeSeconds, 50):F1} s, p99 {Percentile(payeeSeconds, 99):F1} s; blocks p50 {Percentile(payeeBlocks.Select(b => (double)b).ToList(), 50):F0}, max {payeeBlocks.Max()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deposit confirmed -> auto-pay holder's balance: p50 {Percentile(holderSeconds, 50):F1} s, p99 {Percentile(holderSeconds, 99):F1} s; blocks p50 {Percentile(holderBlocks.Select(b => (double)b).ToList(), 50):F0}, max {holderBlocks.Max()}"));
        Console.WriteLine($"({Deposits} deposits, {BlockSeconds}-second blocks, 1 confirmation, workers polling every 200 ms; goal: 2 blocks)");
        return 0;
    }

    internal static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    internal static async Task<long> BalanceAsync(ChainClient chain, ContractAddresses contracts, string address) =>
        (long)await chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>().QueryAsync<BigInteger>(contracts.TestUsd, new Erc20BalanceOfFunction { Account = address });

    internal static async Task MintAsync(IServiceProvider services, string to, long amount)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IChainOutbox>().EnqueueAsync(new MintTestStablecoin(to, amount), $"bench:mint:{Guid.NewGuid()}", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    internal static async Task<(string Issuer, string Creator)> UsersAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return ((await users.FindByEmailAsync("issuer@demo.local"))!.Id, (await users.FindByEmailAsync("creator@demo.local"))!.Id);
    }

    private static async Task<string> WalletAsync(IServiceProvider services, string userId) =>
        (await SendAsync(services, s => s.Send(new Domain.Wallets.GetMyWallet(userId)))).Value.Address;

    internal static async Task<T> SendAsync<T>(IServiceProvider services, Func<ISender, ValueTask<T>> send)
    {
        using var scope = services.CreateScope();
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan limit, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed class App(string dataDirectory, int anvilPort) : WebApplicationFactory<TokenPlatform.Web.Setup.ScopedMediator>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development"); // demo users and assets are seeded in Development only
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Identity:SeedDemoUsers", "true");
            builder.UseSetting("Chain:Mode", "Managed");
            builder.UseSetting("Chain:AnvilPort", anvilPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Chain:AnvilBlockTimeSeconds", BlockSeconds.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Chain:PollMilliseconds", "200");
            // The repository's appsettings.json says Information by default, which a minimum level set in code does not override.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
