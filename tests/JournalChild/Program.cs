using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;
using TokenPlatform.JournalChild;

// journal-child <postgres|sqlite> <connection string>: recovers the engine from its journal, prints READY <last
// durable sequence>, then submits CrashWorkload's commands as fast as the journal takes them (at most 4,000 in
// flight) and prints ACK <sequence> for each one the journal made durable, until it is killed.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: JournalChild <postgres|sqlite> <connection string>");
    return 2;
}

IJournalStore store = args[0] == "postgres" ? new PostgresJournalStore(args[1]) : new SqliteJournalStore(args[1]);
await using var host = await EngineHost.StartAsync(store, 1, TimeProvider.System);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
output.WriteLine($"READY {host.DurableSequence}");
var sink = new PrintingSink(output, host.DurableSequence);
for (var sequence = host.DurableSequence + 1; ; sequence++)
{
    while (sink.InFlight(sequence) > 4_000)
    {
        Thread.Sleep(1);
    }

    host.Submit(CrashWorkload.At(sequence), sink);
}

internal sealed class PrintingSink(StreamWriter output, long recovered) : IAckSink
{
    private long _acknowledged = recovered;

    public long InFlight(long next) => next - Interlocked.Read(ref _acknowledged);

    public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
    {
        output.WriteLine($"ACK {command.Sequence}");
        Interlocked.Exchange(ref _acknowledged, command.Sequence);
    }

    public void Fail(in EngineCommand command, Exception error, object? state)
    {
        output.WriteLine($"FAIL {command.Sequence} {error.Message}");
        Environment.Exit(3);
    }
}
