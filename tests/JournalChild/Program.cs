using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;
using TokenPlatform.JournalChild;

// journal-child <postgres|sqlite> <connection string> [market]: recovers from the journal, prints READY <commands
// already journaled>, then submits CrashWorkload's commands as fast as the journal takes them (at most 4,000 in
// flight) and prints ACK <n> for each one acknowledged, until it is killed. Alone: one engine on stream 1 (n is the
// sequence). With "market": a MarketHost of 2 shards on streams 1000-1002 (n is the workload's index: the account
// stage's stream also holds the cash the shards released).
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: JournalChild <postgres|sqlite> <connection string> [market]");
    return 2;
}

IJournalStore Store() => args[0] == "postgres" ? new PostgresJournalStore(args[1]) : new SqliteJournalStore(args[1]);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
if (args.Length == 3)
{
    var journaled = await CrashWorkload.CountMarketCommandsAsync(Store, CrashWorkload.MarketAccountStream);
    await using var market = await MarketHost.StartAsync(Store, CrashWorkload.MarketShards, TimeProvider.System, CrashWorkload.MarketAccountStream);
    output.WriteLine($"READY {journaled}");
    var marketSink = new PrintingSink(output, journaled, byState: true);
    for (var n = journaled + 1; ; n++)
    {
        while (marketSink.InFlight(n) > 4_000)
        {
            Thread.Sleep(1);
        }

        market.Submit(CrashWorkload.At(n), marketSink, n);
    }
}

// Snapshots often, so the restarts after the kills start from one and replay the journal after it.
await using var host = await EngineHost.StartAsync(Store(), 1, TimeProvider.System, snapshotEvery: 50_000);
output.WriteLine($"READY {host.DurableSequence}");
var sink = new PrintingSink(output, host.DurableSequence, byState: false);
for (var sequence = host.DurableSequence + 1; ; sequence++)
{
    while (sink.InFlight(sequence) > 4_000)
    {
        Thread.Sleep(1);
    }

    host.Submit(CrashWorkload.At(sequence), sink);
}

internal sealed class PrintingSink(StreamWriter output, long recovered, bool byState) : IAckSink
{
    private long _acknowledged = recovered;

    public long InFlight(long next) => next - Interlocked.Read(ref _acknowledged);

    public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
    {
        var n = byState ? (long)state! : command.Sequence;
        lock (output)
        {
            output.WriteLine($"ACK {n}");
        }

        // Acknowledgements of one stream come in order; across a market's shards they may not, so keep the highest.
        long seen;
        while ((seen = Interlocked.Read(ref _acknowledged)) < n && Interlocked.CompareExchange(ref _acknowledged, n, seen) != seen)
        {
        }
    }

    public void Fail(in EngineCommand command, Exception error, object? state)
    {
        output.WriteLine($"FAIL {command.Sequence} {error.Message}");
        Environment.Exit(3);
    }
}
