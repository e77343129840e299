using System.Diagnostics;
using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;
using TokenPlatform.JournalChild;
using Xunit.Abstractions;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>
/// The engine with its journal in a child process, killed with SIGKILL at random moments under load, five times,
/// restarted each time from its journal: every acknowledged command is in the journal, the journal holds nothing
/// that was not submitted (each sequence's command is regenerated), and the rebuilt engine's holds, balances and
/// books are consistent.
/// </summary>
public sealed class JournalCrashTests(ITestOutputHelper output)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Killed_five_times_under_load_the_journal_keeps_every_acknowledged_command_and_nothing_else(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        var random = new Random(17);
        long acknowledged = 0;
        for (var kill = 0; kill < 5; kill++)
        {
            var (ready, last) = await RunAndKillAsync(database, TimeSpan.FromMilliseconds(300 + random.Next(1_200)));
            Assert.True(ready >= acknowledged, $"restart {kill} recovered to {ready}, below the {acknowledged} acknowledged before");
            Assert.True(last > ready, $"run {kill} acknowledged nothing after recovering to {ready}");
            acknowledged = Math.Max(acknowledged, last);
            output.WriteLine($"run {kill}: recovered {ready}, acknowledged up to {last}");
        }

        Assert.True(acknowledged > CrashWorkload.SetupCount + 1_000, $"too little load before the kills ({acknowledged} commands)");
        await using var store = database.Store();
        var engine = new MatchingEngine();
        long journaled = 0, deposited = 0;
        await foreach (var batch in store.ReadAsync(1, 0, CancellationToken.None))
        {
            Assert.Equal(journaled + 1, batch.FirstSequence);
            var offset = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                offset += CommandCodec.Read(batch.Payload.AsSpan(offset), batch.BaseTimestamp, batch.FirstSequence + i, out var command);
                // Every field as submitted (the time is the sequencer's, not the workload's).
                var expected = CrashWorkload.At(command.Sequence);
                expected.Timestamp = command.Timestamp;
                Assert.Equal(expected, command);
                engine.Apply(command);
                foreach (var e in engine.Events.Events)
                {
                    if (e.Type == EventType.Applied && command.Type is CommandType.DepositCash or CommandType.WithdrawCash)
                    {
                        deposited += command.Type == CommandType.DepositCash ? command.Value : -command.Value;
                    }
                }

                engine.Events.Clear();
            }

            journaled = batch.LastSequence;
        }

        Assert.True(journaled >= acknowledged, $"acknowledged up to {acknowledged}, journal ends at {journaled}");
        var audit = engine.Audit();
        Assert.Equal(0, audit.HoldMismatches);
        Assert.Equal(0, audit.NegativeBalances);
        Assert.False(audit.Crossed);
        Assert.Equal(deposited, audit.CashTotal + audit.FeesAndRoyalties);
        Assert.True(engine.TradeCount > 0);
    }

    /// <summary>
    /// The same for the market on two shards (MarketHost): after each kill it recovers, resends what had not crossed between
    /// its streams, and goes on. Then: every acknowledged command is journaled, the account stage holds exactly the workload
    /// in order, every routed command reached its shard once and in order, every release came back at most once, and cash is
    /// conserved across the stage, the shards and what was on its way.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_sharded_market_killed_five_times_recovers_every_acknowledged_command_and_every_crossing_exactly_once(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        var random = new Random(29);
        long acknowledged = 0;
        for (var kill = 0; kill < 5; kill++)
        {
            var (ready, last) = await RunAndKillAsync(database, TimeSpan.FromMilliseconds(400 + random.Next(1_200)), market: true);
            Assert.True(ready >= acknowledged, $"restart {kill} recovered {ready} commands, below the {acknowledged} acknowledged before");
            Assert.True(last > ready, $"run {kill} acknowledged nothing after recovering {ready}");
            acknowledged = Math.Max(acknowledged, last);
            output.WriteLine($"market run {kill}: recovered {ready}, acknowledged up to {last}");
        }

        // A last clean start and stop: recovery resends what the last kill left between streams.
        await using (var market = await MarketHost.StartAsync(database.Store, CrashWorkload.MarketShards, TimeProvider.System, CrashWorkload.MarketAccountStream))
        {
            output.WriteLine($"final recovery resent {market.Recovered.Forwards} routed commands and {market.Recovered.Releases} releases");
        }

        var replay = await MarketReplay.ReadAsync(database.Store, CrashWorkload.MarketShards, CrashWorkload.MarketAccountStream);
        Assert.True(replay.Submitted.Count >= acknowledged, $"acknowledged up to {acknowledged}, the stage holds {replay.Submitted.Count}");
        for (var i = 0; i < replay.Submitted.Count; i++)
        {
            var expected = CrashWorkload.At(i + 1);
            (expected.Sequence, expected.Timestamp) = (replay.Submitted[i].Sequence, replay.Submitted[i].Timestamp);
            Assert.Equal(expected, replay.Submitted[i]);
        }

        replay.AssertConsistent(CrashWorkload.Accounts, allForwarded: true);
        Assert.True(replay.Trades > 0);
    }

    /// <summary>Starts the child, lets it run under load for a while, kills it; returns where it recovered to and the last sequence it acknowledged.</summary>
    private async Task<(long Ready, long LastAcknowledged)> RunAndKillAsync(JournalDatabase database, TimeSpan runFor, bool market = false)
    {
        var (provider, connection) = database.Arguments();
        var child = Path.Combine(Path.GetDirectoryName(typeof(CrashWorkload).Assembly.Location)!, "JournalChild.dll");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { child, provider, connection }, RedirectStandardOutput = true, RedirectStandardError = true };
        if (market)
        {
            start.ArgumentList.Add("market");
        }

        using var process = Process.Start(start)!;
        long ready = -1, last = 0;
        var readyAt = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                // A line cut by the kill has no newline, so ReadLineAsync still returns it: only whole numbers count.
                var parts = line.Split(' ');
                if (parts.Length == 2 && long.TryParse(parts[1], out var n))
                {
                    if (parts[0] == "READY")
                    {
                        ready = n;
                        readyAt.TrySetResult();
                    }
                    else if (parts[0] == "ACK")
                    {
                        last = Math.Max(last, n);
                    }
                }
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        var started = await Task.WhenAny(readyAt.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != readyAt.Task)
        {
            process.Kill();
            Assert.Fail("the child never became ready: " + await errors);
        }
        await Task.Delay(runFor);
        Assert.False(process.HasExited, $"the child stopped by itself (exit {(process.HasExited ? process.ExitCode : 0)}): " + (process.HasExited ? await errors : ""));
        process.Kill();
        await process.WaitForExitAsync();
        await reading;
        Assert.Equal(137, process.ExitCode);
        output.WriteLine($"child exited {process.ExitCode} {await errors}");
        return (ready, last);
    }
}
