using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Bench.Trading;

/// <summary>
/// The engine with its journal, acknowledging each command once durable: commands offered at a fixed rate
/// (open loop; default 200,000/s, every second one a buy that trades with the sell before it) for a duration
/// (default 60 s), on PostgreSQL (the server scripts/bench.sh starts with fsync, synchronous_commit and
/// full_page_writes on) and then on SQLite (WAL, synchronous=FULL, on disk). Reports trades/s sustained and
/// acknowledgement latency from submission. Targets (issue 14): >= 100,000 trades/s, p50 <= 2 ms, p99 <= 10 ms, p99.9 <= 25 ms.
/// BENCH_SHARDS=N runs the sharded market (MarketHost: the account stage and N shards, each with its own journal stream,
/// a command answered once the stage's and its shard's group commits are both durable) instead of one engine.
/// </summary>
internal static class EngineDurableBenchmark
{
    public static async Task<int> RunAsync()
    {
        var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "60", CultureInfo.InvariantCulture);
        var rate = int.Parse(Environment.GetEnvironmentVariable("BENCH_RATE") ?? "200000", CultureInfo.InvariantCulture);
        var shards = int.Parse(Environment.GetEnvironmentVariable("BENCH_SHARDS") ?? "0", CultureInfo.InvariantCulture);
        Console.WriteLine(shards == 0 ? "one engine (EngineHost, one journal stream)" : $"sharded market (MarketHost: account stage + {shards} shards, {shards + 1} journal streams)");
        var postgres = Environment.GetEnvironmentVariable("TOKENPLATFORM_TEST_POSTGRES");
        if (postgres is not null)
        {
            var database = $"journal_{Guid.NewGuid():N}";
            await using (var admin = new Npgsql.NpgsqlConnection(postgres))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
            await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options))
            {
                await db.Database.MigrateAsync();
                await using var settings = db.Database.GetDbConnection().CreateCommand();
                await db.Database.OpenConnectionAsync();
                settings.CommandText = "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit') || ' ' || current_setting('full_page_writes')";
                Console.WriteLine($"== PostgreSQL (fsync synchronous_commit full_page_writes: {await settings.ExecuteScalarAsync()})");
            }

            await RunOnAsync(() => new PostgresJournalStore(connection), shards, seconds, rate);
        }
        else
        {
            Console.WriteLine("== PostgreSQL skipped: TOKENPLATFORM_TEST_POSTGRES is not set (scripts/bench.sh engine-durable starts a durable server)");
        }

        var file = Path.Combine(Path.GetFullPath("artifacts"), $"journal-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options))
        {
            await db.Database.MigrateAsync();
        }

        Console.WriteLine($"== SQLite (WAL, synchronous=FULL, {file})");
        await RunOnAsync(() => new SqliteJournalStore($"Data Source={file};Pooling=False"), shards, seconds, rate);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return 0;
    }

    private static async Task RunOnAsync(Func<IJournalStore> stores, int shards, int seconds, int rate)
    {
        await using var store = stores();
        await using var single = shards == 0 ? await EngineHost.StartAsync(store, 1, TimeProvider.System) : null;
        await using var market = shards == 0 ? null : await MarketHost.StartAsync(stores, shards, TimeProvider.System);
        StreamStatistics[] Streams() => single is not null ? [single.Statistics()] : market!.Statistics();
        void Submit(in EngineCommand c, IAckSink s)
        {
            if (single is not null)
            {
                single.Submit(c, s);
            }
            else
            {
                market!.Submit(c, s);
            }
        }

        const int accounts = 1_000;
        var setup = TradingWorkload.Setup(books: 10, accounts);
        var ready = new SetupSink(setup.Length);
        foreach (var c in setup)
        {
            Submit(c, ready);
        }

        await ready.Done.Task;
        var sink = new LatencySink();
        var total = (long)seconds * rate;
        var ticksPerCommand = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var random = new Random(5);
        for (long i = 0; i < total; i++)
        {
            // Commands due by now are submitted at once; between bursts the producer sleeps (a spinning producer
            // would take one of the machine's two cores from the engine, the journal and PostgreSQL).
            var due = start + (long)(i * ticksPerCommand);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            var pair = i / 2;
            var asset = (int)(pair % 10);
            var seller = (int)(pair % accounts);
            var buyer = (seller + 1 + random.Next(accounts - 1)) % accounts;
            var price = TradingWorkload.Reference + ((pair % 21) - 10) * TradingWorkload.Tick;
            var command = i % 2 == 0
                ? EngineCommand.Place(seller, asset, Side.Sell, OrderKind.Limit, price, 1)
                : EngineCommand.Place(buyer, asset, Side.Buy, OrderKind.Limit, price, 1, TimeInForce.Ioc);
            Submit(command, sink);
        }

        var offeredFor = Stopwatch.GetElapsedTime(start);
        while (sink.Acknowledged < total && Streams().All(h => h.Fault is null))
        {
            await Task.Delay(10);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (Streams().Select(h => h.Fault).FirstOrDefault(f => f is not null) is { } fault)
        {
            Console.WriteLine($"   the journal failed: {fault.Message}");
            return;
        }

        var h = sink.Histogram;
        double Ms(double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
        // Sustained: the trades over the window they were offered in (the last acknowledgements arrive just after it).
        var tradesPerSecond = sink.Trades / offeredFor.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {total:N0} commands offered at {rate:N0}/s for {offeredFor.TotalSeconds:N1} s, all acknowledged after {elapsed.TotalSeconds:N1} s: {sink.Trades:N0} trades = {tradesPerSecond:N0} trades/s"));
        foreach (var host in Streams())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   stream {host.Stream}: {host.DurableSequence:N0} commands in {host.Commits:N0} group commits ({(double)host.DurableSequence / host.Commits:N0} on average), {host.CommitTime.TotalMilliseconds / host.Commits:N2} ms each (longest {host.LongestCommit.TotalMilliseconds:N1} ms)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   acknowledgement: p50 {Ms(50):N2} ms, p99 {Ms(99):N2} ms, p99.9 {Ms(99.9):N2} ms, max {h.GetMaxValue() / 1000.0:N2} ms"));
        var met = tradesPerSecond >= 100_000 && Ms(50) <= 2 && Ms(99) <= 10 && Ms(99.9) <= 25;
        Console.WriteLine($"   targets (>= 100,000 trades/s, p50 <= 2 ms, p99 <= 10 ms, p99.9 <= 25 ms): {(met ? "met" : "MISSED")}");
    }

    /// <summary>Records acknowledgement latency in microseconds (from the journal threads: one for an engine, one per shard for a market).</summary>
    private sealed class LatencySink : IAckSink
    {
        private long _acknowledged;

        public LongHistogram Histogram { get; } = new(TimeSpan.TicksPerMinute, 3);

        public long Trades { get; private set; }

        public long Acknowledged => Interlocked.Read(ref _acknowledged);

        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            var trades = 0;
            foreach (ref readonly var e in events)
            {
                trades += e.Type == EventType.Trade ? 1 : 0;
            }

            lock (Histogram)
            {
                Histogram.RecordValue((long)Stopwatch.GetElapsedTime(submittedTimestamp).TotalMicroseconds);
                Trades += trades;
            }

            Interlocked.Increment(ref _acknowledged);
        }

        public void Fail(in EngineCommand command, Exception error, object? state) => Interlocked.Increment(ref _acknowledged);
    }

    private sealed class SetupSink(int expected) : IAckSink
    {
        private int _count;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            if (Interlocked.Increment(ref _count) == expected)
            {
                Done.TrySetResult();
            }
        }

        public void Fail(in EngineCommand command, Exception error, object? state) => Done.TrySetException(error);
    }
}
