using TokenPlatform.Bench;

// Each benchmark is a verb; add new ones to the switch and to the usage text.
const string Usage = """
    Usage: dotnet run -c Release --project bench/TokenPlatform.Bench -- <benchmark>

    Benchmarks:
      distribution   the revenue waterfall to 1,000,000 holders (5 payees)
      ingest         revenue ingestion through the HTTP API into PostgreSQL (needs TOKENPLATFORM_TEST_POSTGRES; scripts/bench.sh ingest sets it)
      deposit-latency  royalties on arrival: deposit -> payee's and auto-pay holder's balances on anvil with 2-second blocks
      deposit-latency-1000  the same with 1,000 auto-pay holders (set up through the outbox): deposit -> payee, first and all 1,000 holders paid
      matching       the trading engine's matching core on one thread: throughput, allocations, latency at 500,000 commands/s
      matching-memory  memory of 10,000,000 resting orders over 10,000 books
      recovery       restart: a snapshot + 10,000,000 journaled commands (SQLite journal)
      engine-durable the trading engine with its journal: trades/s and acknowledgement latency, PostgreSQL (durable) then SQLite
    """;

if (args.Length != 1)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (args[0])
{
    case "distribution":
        return DistributionBenchmark.Run();
    case "ingest":
        return await IngestBenchmark.RunAsync();
    case "deposit-latency":
        return await DepositLatencyBenchmark.RunAsync();
    case "deposit-latency-1000":
        return await DepositLatency1000Benchmark.RunAsync();
    case "matching":
        return TokenPlatform.Bench.Trading.MatchingCoreBenchmark.Run();
    case "recovery":
        return await TokenPlatform.Bench.Trading.RecoveryBenchmark.RunAsync();
    case "matching-memory":
        return TokenPlatform.Bench.Trading.EngineMemoryBenchmark.Run();
    case "engine-durable":
        return await TokenPlatform.Bench.Trading.EngineDurableBenchmark.RunAsync();
    default:
        Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
        Console.Error.WriteLine(Usage);
        return 2;
}
