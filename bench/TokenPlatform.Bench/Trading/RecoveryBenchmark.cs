using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Bench.Trading;

/// <summary>
/// Restart speed: a journal of 10,000,000 commands (the durable benchmark's flow: sells resting, buys taking them,
/// written straight to the store in group commits of 8,192) replayed into a fresh engine, read, checked and applied.
/// There are no snapshots yet, so this is the whole restart. Targets (issue 14): replay >= 1,000,000 commands/s;
/// restart from a snapshot + 10,000,000 journaled commands in <= 30 s.
/// </summary>
internal static class RecoveryBenchmark
{
    private const int Commands = 10_000_000;
    private const int BatchSize = 8_192;

    public static async Task<int> RunAsync()
    {
        var file = Path.Combine(Path.GetFullPath("artifacts"), $"recovery-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options))
        {
            await db.Database.MigrateAsync();
        }

        var connection = $"Data Source={file};Pooling=False";
        await using (var store = new SqliteJournalStore(connection))
        {
            var (epoch, _) = await store.OpenAsync(1, CancellationToken.None);
            var written = Stopwatch.GetTimestamp();
            await WriteAsync(store, epoch);
            Console.WriteLine($"   journal of {Commands:N0} commands written in {Stopwatch.GetElapsedTime(written).TotalSeconds:N1} s ({new FileInfo(file).Length / 1048576.0:N0} MiB)");
        }

        for (var run = 1; run <= 3; run++)
        {
            await using var store = new SqliteJournalStore(connection);
            var (_, last) = await store.OpenAsync(1, CancellationToken.None);
            var engine = new MatchingEngine(orderCapacity: 1 << 20);
            var started = Stopwatch.GetTimestamp();
            var replayed = await JournalReplay.ApplyAsync(store, 1, engine, last, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var rate = replayed.Commands / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   run {run}: replayed {replayed.Commands:N0} commands ({engine.TradeCount:N0} trades) in {elapsed.TotalSeconds:N2} s = {rate:N0} commands/s; " +
                $"targets (>= 1,000,000/s; 10,000,000 in <= 30 s): {(rate >= 1_000_000 && elapsed.TotalSeconds <= 30 ? "met" : "MISSED")}"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return 0;
    }

    private static async Task WriteAsync(SqliteJournalStore store, long epoch)
    {
        var setup = TradingWorkload.Setup(books: 10, accounts: 1_000);
        var payload = new byte[BatchSize * CommandCodec.MaxSize];
        long sequence = 0;
        var random = new Random(5);
        var pending = new List<EngineCommand>(BatchSize);
        for (long i = 0; i < Commands; i++)
        {
            EngineCommand c;
            if (i < setup.Length)
            {
                c = setup[i];
            }
            else
            {
                var pair = (i - setup.Length) / 2;
                var seller = (int)(pair % 1_000);
                var price = TradingWorkload.Reference + ((pair % 21) - 10) * TradingWorkload.Tick;
                c = (i - setup.Length) % 2 == 0
                    ? EngineCommand.Place(seller, (int)(pair % 10), Side.Sell, OrderKind.Limit, price, 1)
                    : EngineCommand.Place((seller + 1 + random.Next(999)) % 1_000, (int)(pair % 10), Side.Buy, OrderKind.Limit, price, 1, TimeInForce.Ioc);
            }

            c.Sequence = ++sequence;
            c.Timestamp = 1_000 + (i / 200);
            pending.Add(c);
            if (pending.Count == BatchSize || i == Commands - 1)
            {
                var length = 0;
                var baseTime = pending[0].Timestamp;
                foreach (var p in pending)
                {
                    length += CommandCodec.Write(p, baseTime, payload.AsSpan(length));
                }

                await store.AppendAsync(new JournalAppend(1, epoch, pending[0].Sequence, pending[^1].Sequence, baseTime, pending.Count,
                    CommandCodec.Checksum(payload.AsSpan(0, length)), payload.AsMemory(0, length)), CancellationToken.None);
                pending.Clear();
            }
        }
    }
}
