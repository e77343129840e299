using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Bench.Trading;

/// <summary>
/// Restart speed: a journal of a snapshot's worth of commands (2,007,040) then 10,000,000 more (the durable benchmark's
/// flow: sells resting, buys taking them, written straight to the store in group commits of 8,192), with the engine's
/// snapshot after the first part stored beside it. Measured: the whole journal replayed into a fresh engine (replay
/// rate), and the host's restart (open, newest snapshot read, the 10,000,000 commands after it replayed).
/// Targets (issue 14): replay >= 1,000,000 commands/s; restart from a snapshot + 10,000,000 journaled commands in <= 30 s.
/// </summary>
internal static class RecoveryBenchmark
{
    private const int Commands = 10_000_000;
    private const int BatchSize = 8_192;
    private const int SnapshotAt = 245 * BatchSize;

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
            Console.WriteLine($"   journal of {SnapshotAt + Commands:N0} commands written in {Stopwatch.GetElapsedTime(written).TotalSeconds:N1} s ({new FileInfo(file).Length / 1048576.0:N0} MiB)");
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
                $"   run {run}: replayed the whole journal, {replayed.Commands:N0} commands ({engine.TradeCount:N0} trades), in {elapsed.TotalSeconds:N2} s = {rate:N0} commands/s; " +
                $"target (>= 1,000,000/s): {(rate >= 1_000_000 ? "met" : "MISSED")}"));

            started = Stopwatch.GetTimestamp();
            await using (var host = await EngineHost.StartAsync(store, 1, TimeProvider.System, () => new MatchingEngine(orderCapacity: 1 << 20)))
            {
                elapsed = Stopwatch.GetElapsedTime(started);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   run {run}: restart from the snapshot at {host.RestoredFrom:N0} + {host.Replayed:N0} journaled commands in {elapsed.TotalSeconds:N2} s; " +
                    $"target (10,000,000 in <= 30 s): {(host.RestoredFrom == SnapshotAt && host.Replayed == Commands && elapsed.TotalSeconds <= 30 ? "met" : "MISSED")}"));
            }
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
        var engine = new MatchingEngine(orderCapacity: 1 << 20);
        const long total = (long)SnapshotAt + Commands;
        for (long i = 0; i < total; i++)
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
            if (sequence <= SnapshotAt)
            {
                engine.Apply(c);
                engine.Events.Clear();
            }

            if (pending.Count == BatchSize || i == total - 1)
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
                if (sequence == SnapshotAt)
                {
                    using var snapshot = new MemoryStream();
                    engine.WriteSnapshot(snapshot);
                    await store.SaveSnapshotAsync(new SnapshotRow { Stream = 1, Sequence = sequence, Timestamp = c.Timestamp, Payload = snapshot.ToArray() }, CancellationToken.None);
                    Console.WriteLine($"   snapshot at {sequence:N0}: {snapshot.Length / 1024.0:N0} KiB, {engine.OpenOrders:N0} resting orders");
                }
            }
        }
    }
}
