using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;
using static TokenPlatform.Bench.DepositLatencyBenchmark;

namespace TokenPlatform.Bench;

/// <summary>
/// Royalties on arrival with 1,000 auto-pay holders, end to end on the real app (workers, outbox,
/// indexers) and a managed anvil mining a block every 2 seconds. Set-up, through the app's own outbox:
/// 1,000 fresh addresses (no platform account, hence auto-pay) are registered as investors (grouped
/// 100 per transaction) and the operator, as the token's agent, force-transfers 1 fraction from the sale
/// escrow (unsold fractions of "12 Rue des Lilas, Lyon") to each; the holdings indexer must see all
/// 1,000 before the first deposit. Then an outside account pays the asset's deposit address; measured
/// from the deposit's receipt until the payee was paid, the first of the 1,000 holders was paid and all
/// 1,000 were paid, in seconds (when the paying block was seen) and in blocks (the block of the stablecoin
/// Transfer to them, after the deposit's); every balance is then checked to have risen.
/// </summary>
internal static class DepositLatency1000Benchmark
{
    private const int Holders = 1_000;
    private const int Deposits = 5;
    private const string AssetName = "12 Rue des Lilas, Lyon";
    private const string KeyPrefix = "bench:holders:";
    private static readonly TimeSpan PerDepositLimit = TimeSpan.FromMinutes(4);

    public static async Task<int> RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), $"tp-bench-deposit1000-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TOKENPLATFORM_WEB", Path.Combine(IngestBenchmark.RepositoryRoot(), "src", "Web"));
        try
        {
            return await RunCoreAsync(data);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temp folder; nothing depends on it.
            }
        }
    }

    private static async Task<int> RunCoreAsync(string data)
    {
        var setUp = Stopwatch.StartNew();
        await using var app = new App(data, FreePort());
        var services = app.Services;
        var asset = await EventuallyAsync(async () =>
        {
            using var scope = services.CreateScope();
            var repository = scope.ServiceProvider.GetRequiredService<IAssetRepository>();
            var live = await repository.ListByStatusAsync(AssetStatus.Live, 10, CancellationToken.None);
            return live.FirstOrDefault(a => a.Name == AssetName) is { } summary ? await repository.FindAsync(summary.Id, CancellationToken.None) : null;
        }, TimeSpan.FromMinutes(6), $"the demo asset '{AssetName}' live");
        var tokenId = asset.OnChainTokenId!.Value;
        var (issuer, _) = await UsersAsync(services);
        var chain = services.GetRequiredService<ChainClient>();
        var contracts = await services.GetRequiredService<ContractAddressesProvider>().GetAsync(CancellationToken.None);
        var escrow = AddressUtil.Current.ConvertToChecksumAddress(contracts.PrimarySale);
        var appReady = setUp.Elapsed;

        // Enough unsold fractions, indexed, to give each holder one.
        var positions = await EventuallyAsync(() => PositionsAsync(services, tokenId), TimeSpan.FromMinutes(2), "the asset's holdings indexed");
        var escrowed = positions.GetValueOrDefault(escrow);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Asset '{AssetName}' (token {tokenId}): {escrowed:N0} fractions unsold in the sale escrow, {positions.Count} holder address(es) before set-up"));
        if (escrowed < Holders)
        {
            Console.Error.WriteLine($"The escrow holds {escrowed} fractions, fewer than {Holders}.");
            return 1;
        }

        var gasLimit = (await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest())).GasLimit.Value;
        var holders = Enumerable.Range(0, Holders).Select(HolderAddress).ToList();

        // 1. Register the 1,000 as investors (the outbox groups 100 per registerInvestors call).
        var phase = Stopwatch.StartNew();
        var expiry = DateTimeOffset.UtcNow.AddYears(1);
        await EnqueueAllAsync(services, holders.Select((h, i) => ((ChainCommand)new RegisterInvestorOnChain(h, 250, expiry), $"{KeyPrefix}register:{i}")));
        var registrations = await ConfirmedAsync(services, $"{KeyPrefix}register:", Holders, TimeSpan.FromMinutes(5));
        var registered = phase.Elapsed;

        // 2. One fraction each, from the escrow, by the agent's forced transfer (one transaction each).
        phase.Restart();
        await EnqueueAllAsync(services, holders.Select((h, i) => ((ChainCommand)new ForcedTransferOnChain(asset.Id.Value, tokenId, escrow, h, 1, "benchmark: 1,000 holders"), $"{KeyPrefix}transfer:{i}")));
        var transfers = await ConfirmedAsync(services, $"{KeyPrefix}transfer:", Holders, TimeSpan.FromMinutes(8));
        var transferred = phase.Elapsed;

        // 3. The holdings indexer has seen every transfer (the planner refuses with holdings.not_indexed before).
        phase.Restart();
        var indexed = await EventuallyAsync(async () => await PositionsAsync(services, tokenId) is { } p && holders.All(h => p.GetValueOrDefault(h) >= 1) ? p : null,
            TimeSpan.FromMinutes(3), "the holdings indexer to see the 1,000 holders");
        var indexing = phase.Elapsed;

        // 4. Policy "on arrival", the deposit address, the paying label's money.
        phase.Restart();
        await SendAsync(services, s => s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, null)));
        var deposit = await EventuallyAsync(async () => (await SendAsync(services, s => s.Send(new GetDepositAddress(issuer, asset.Id)))) is { IsSuccess: true, Value.Ready: true } view ? view.Value : null,
            TimeSpan.FromMinutes(3), "the deposit address on chain");
        var label = new Web3(new Nethereum.Web3.Accounts.Account(LabelKey, chain.Options.ChainId), chain.Options.RpcUrl);
        await MintAsync(services, label.TransactionManager.Account.Address, 1_000_000_000_000);
        await EventuallyAsync(async () => await BalanceAsync(chain, contracts, label.TransactionManager.Account.Address) > 0 ? (object)true : null, TimeSpan.FromMinutes(2), "the label's test money");
        var payee = asset.Split!.Payees[0].Address;
        var rest = phase.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Block gas limit {gasLimit:N0}; {BlockSeconds}-second blocks; 1 confirmation"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Set-up: {setUp.Elapsed.TotalSeconds:F0} s in all"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  app, chain, contracts, demo assets live: {appReady.TotalSeconds:F0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  register {Holders:N0} investors through the outbox: {registered.TotalSeconds:F1} s, {Describe(registrations)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Holders:N0} forced transfers of 1 fraction through the outbox: {transferred.TotalSeconds:F1} s, {Describe(transfers)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  holdings indexer caught up: {indexing.TotalSeconds:F1} s more ({indexed.Count:N0} holder addresses, escrow left {indexed.GetValueOrDefault(escrow):N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  policy, deposit address, label's money: {rest.TotalSeconds:F1} s"));
        Console.WriteLine();

        var payeeSeconds = new List<double>();
        var firstSeconds = new List<double>();
        var allSeconds = new List<double>();
        var payeeBlocks = new List<double>();
        var firstBlocks = new List<double>();
        var allBlocks = new List<double>();
        var holderSet = holders.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var transfersOf = chain.Web3.Eth.GetEvent<Erc20TransferEvent>(contracts.TestUsd);
        Guid? previousRun = null;
        for (var i = 0; i < Deposits; i++)
        {
            var payeeBefore = await BalanceAsync(chain, contracts, payee);
            var before = await BalancesAsync(chain, contracts, holders);
            var receipt = await label.Eth.GetContractTransactionHandler<Erc20TransferFunction>()
                .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new Erc20TransferFunction { To = deposit.Address, Value = 100_000_000 + i });
            var clock = Stopwatch.StartNew();
            var receivedAt = DateTimeOffset.UtcNow;
            var depositBlock = (long)receipt.BlockNumber.Value;
            var scanned = depositBlock;
            var paid = new Dictionary<string, (double Seconds, long Blocks)>(StringComparer.OrdinalIgnoreCase);
            (double Seconds, long Blocks)? payeePaid = null;
            while ((payeePaid is null || paid.Count < Holders) && clock.Elapsed < PerDepositLimit)
            {
                await Task.Delay(50);
                // Each new block's stablecoin transfers: the block that paid is exact, the time is when the block was seen.
                var head = (long)(await chain.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
                if (head <= scanned)
                {
                    continue;
                }

                var logs = await transfersOf.GetAllChangesAsync(transfersOf.CreateFilterInput(new BlockParameter(new HexBigInteger(scanned + 1)), new BlockParameter(new HexBigInteger(head))));
                var seen = clock.Elapsed.TotalSeconds;
                foreach (var log in logs.Where(l => l.Event.Value > 0))
                {
                    var at = (seen, (long)log.Log.BlockNumber.Value - depositBlock);
                    if (holderSet.Contains(log.Event.To))
                    {
                        paid.TryAdd(log.Event.To, at);
                    }
                    else if (payeePaid is null && string.Equals(log.Event.To, payee, StringComparison.OrdinalIgnoreCase))
                    {
                        payeePaid = at;
                    }
                }

                scanned = head;
            }

            if (payeePaid is null || paid.Count < Holders)
            {
                Console.Error.WriteLine($"Deposit {i + 1}: payee {(payeePaid is null ? "not paid" : "paid")}, {paid.Count} of {Holders} holders paid within {PerDepositLimit.TotalMinutes} minutes.");
                await PrintRunAsync(services, chain, asset.Id, previousRun, receivedAt, depositBlock);
                return 1;
            }

            // Every balance did rise (not only a Transfer log seen).
            var after = await BalancesAsync(chain, contracts, holders);
            var notRisen = holders.Where((_, k) => after[k] <= before[k]).Count();
            if (notRisen > 0 || await BalanceAsync(chain, contracts, payee) <= payeeBefore)
            {
                Console.Error.WriteLine($"Deposit {i + 1}: a Transfer log was seen but the balance did not rise ({notRisen} holders, or the payee).");
                return 1;
            }

            var first = paid.Values.MinBy(p => p.Seconds);
            var last = paid.Values.MaxBy(p => p.Seconds);
            payeeSeconds.Add(payeePaid.Value.Seconds);
            payeeBlocks.Add(payeePaid.Value.Blocks);
            firstSeconds.Add(first.Seconds);
            firstBlocks.Add(paid.Values.Min(p => p.Blocks));
            allSeconds.Add(last.Seconds);
            allBlocks.Add(paid.Values.Max(p => p.Blocks));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"deposit {i + 1}: payee after {payeePaid.Value.Seconds:F1} s ({payeePaid.Value.Blocks} blocks), first holder after {first.Seconds:F1} s ({paid.Values.Min(p => p.Blocks)} blocks), all {Holders:N0} after {last.Seconds:F1} s ({paid.Values.Max(p => p.Blocks)} blocks); each holder got {after[0] - before[0]:N0} minor units"));
            previousRun = await PrintRunAsync(services, chain, asset.Id, previousRun, receivedAt, depositBlock);
            await Task.Delay(TimeSpan.FromSeconds(BlockSeconds));
        }

        await SendAsync(services, s => s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Manual, null)));
        Console.WriteLine();
        Console.WriteLine(Line("payee's balance", payeeSeconds, payeeBlocks));
        Console.WriteLine(Line("first of the 1,000 holders", firstSeconds, firstBlocks));
        Console.WriteLine(Line("all 1,000 holders", allSeconds, allBlocks));
        Console.WriteLine($"({Deposits} deposits (p99 of {Deposits} = the slowest), {BlockSeconds}-second blocks, 1 confirmation, workers polling every 200 ms; the issuer (unsold fractions) is paid too, not counted)");
        return 0;
    }

    private static string Line(string what, List<double> seconds, List<double> blocks) => string.Create(CultureInfo.InvariantCulture,
        $"Deposit confirmed -> {what}: p50 {Percentile(seconds, 50):F1} s, p99 {Percentile(seconds, 99):F1} s; blocks p50 {Percentile(blocks, 50):F0}, p99 {Percentile(blocks, 99):F0}");

    /// <summary>A fixed, well-spread address per index (no key behind it: it only receives).</summary>
    private static string HolderAddress(int index) =>
        AddressUtil.Current.ConvertToChecksumAddress("0x" + Sha3Keccack.Current.CalculateHash($"tokenplatform-bench-holder-{index}")[^40..]);

    private static async Task<Dictionary<string, long>?> PositionsAsync(IServiceProvider services, long tokenId)
    {
        using var scope = services.CreateScope();
        var positions = await scope.ServiceProvider.GetRequiredService<IHoldingsHistory>().AtAsync(tokenId, DateTimeOffset.UtcNow, CancellationToken.None);
        return positions?.ToDictionary(p => p.Address, p => p.Fractions, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task EnqueueAllAsync(IServiceProvider services, IEnumerable<(ChainCommand Command, string Key)> commands)
    {
        using var scope = services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IChainOutbox>();
        foreach (var (command, key) in commands)
        {
            await outbox.EnqueueAsync(command, key, CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    /// <summary>Waits until every operation under <paramref name="prefix"/> is confirmed; fails on the first that failed.</summary>
    private static async Task<IReadOnlyList<ChainOperationView>> ConfirmedAsync(IServiceProvider services, string prefix, int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using (var scope = services.CreateScope())
            {
                var ops = await scope.ServiceProvider.GetRequiredService<IChainMonitor>().ListByKeyPrefixAsync(prefix, CancellationToken.None);
                if (ops.FirstOrDefault(o => o.Status is ChainOperationStatus.Failed or ChainOperationStatus.Cancelled) is { } failed)
                {
                    throw new InvalidOperationException($"Set-up operation {failed.IdempotencyKey} failed: {failed.Error}");
                }

                if (ops.Count == count && ops.All(o => o.Status == ChainOperationStatus.Confirmed))
                {
                    return ops;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Timed out waiting for the operations {prefix}* to be confirmed.");
    }

    private static string Describe(IReadOnlyList<ChainOperationView> ops)
    {
        var txs = ops.GroupBy(o => o.TxHash).Select(g => g.First()).ToList();
        var blocks = txs.GroupBy(o => o.BlockNumber!.Value).OrderBy(g => g.Key).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{txs.Count:N0} transactions ({txs.Sum(t => t.GasUsed ?? 0) / (double)txs.Count:N0} gas each on average) in {blocks.Count} blocks ({blocks[0].Key}..{blocks[^1].Key}, at most {blocks.Max(b => b.Count())} per block)");
    }

    private static async Task<long[]> BalancesAsync(ChainClient chain, ContractAddresses contracts, List<string> addresses)
    {
        var balances = new long[addresses.Count];
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(addresses.Select(async (address, i) =>
        {
            await gate.WaitAsync();
            try
            {
                balances[i] = await BalanceAsync(chain, contracts, address);
            }
            finally
            {
                gate.Release();
            }
        }));
        return balances;
    }

    /// <summary>
    /// Where the time of one deposit went: when the run was recorded, and each of its chain operations
    /// (block after the deposit, gas), with how full those blocks were. Returns the run's id.
    /// </summary>
    private static async Task<Guid?> PrintRunAsync(IServiceProvider services, ChainClient chain, AssetId assetId, Guid? previousRun, DateTimeOffset receivedAt, long depositBlock)
    {
        // The run is complete once every push is confirmed and the sync worker has seen it.
        Distribution? run = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            using var scope = services.CreateScope();
            run = await scope.ServiceProvider.GetRequiredService<IDistributionStore>().LatestAsync(assetId, CancellationToken.None);
            if (run is not null && run.Id != previousRun && run.Status != DistributionStatus.Executing)
            {
                break;
            }

            await Task.Delay(200);
        }

        if (run is null || run.Id == previousRun)
        {
            Console.WriteLine("    (no new run found)");
            return previousRun;
        }

        IReadOnlyList<ChainOperationView> ops;
        using (var scope = services.CreateScope())
        {
            ops = await scope.ServiceProvider.GetRequiredService<IChainMonitor>().ListByKeyPrefixAsync(Domain.Chain.OperationKeys.DistributionPrefix(run.Id), CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    run {run.Status}: recorded {(run.CreatedAt - receivedAt).TotalSeconds:F1} s after the receipt; {ops.Count} operations:"));
        foreach (var byBlock in ops.GroupBy(o => o.BlockNumber).OrderBy(g => g.Key ?? long.MaxValue))
        {
            var kinds = string.Join(", ", byBlock.GroupBy(o => o.Kind).Select(k => $"{k.Count()} x {k.Key}"));
            var gas = byBlock.GroupBy(o => o.TxHash).Sum(g => g.First().GasUsed ?? 0);
            var used = "";
            if (byBlock.Key is { } number)
            {
                var block = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number)));
                used = string.Create(CultureInfo.InvariantCulture, $"; block gas {block.GasUsed.Value:N0} of {block.GasLimit.Value:N0}, {block.TransactionHashes.Length} txs");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      block +{(byBlock.Key is { } b ? (b - depositBlock).ToString(CultureInfo.InvariantCulture) : "?")}: {kinds} (gas {gas:N0}, confirmed in the outbox +{(byBlock.Max(o => o.UpdatedAt) - receivedAt).TotalSeconds:F1} s{used})"));
        }

        return run.Id;
    }
}
