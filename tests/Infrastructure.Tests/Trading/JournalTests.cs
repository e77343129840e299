using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>The journal on real PostgreSQL and SQLite: durable before acknowledgement, fenced by epoch, replayed to the same state.</summary>
public sealed class JournalTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private static readonly byte[] Payload = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_writer_whose_stream_was_taken_over_is_refused_and_so_is_a_gap(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        await using var first = database.Store();
        await using var second = database.Store();
        var (epoch1, last1) = await first.OpenAsync(3, CancellationToken.None);
        await first.AppendAsync(Batch(3, epoch1, 1, 2), CancellationToken.None);

        var (epoch2, last2) = await second.OpenAsync(3, CancellationToken.None);

        Assert.Equal((1L, 0L, 2L, 2L), (epoch1, last1, epoch2, last2));
        await Assert.ThrowsAsync<StaleJournalWriterException>(() => first.AppendAsync(Batch(3, epoch1, 3, 4), CancellationToken.None));
        await Assert.ThrowsAsync<StaleJournalWriterException>(() => second.AppendAsync(Batch(3, epoch2, 4, 5), CancellationToken.None));
        await second.AppendAsync(Batch(3, epoch2, 3, 5), CancellationToken.None);
        var rows = new List<JournalBatchRow>();
        await foreach (var row in second.ReadAsync(3, 0, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal([(1L, 2L, 1L), (3L, 5L, 2L)], rows.Select(r => (r.FirstSequence, r.LastSequence, r.Epoch)));
        Assert.Equal(Payload, rows[1].Payload);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restart_reads_the_newest_snapshot_and_replays_only_the_journal_after_it_to_the_same_state(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        ulong hash;
        long durable, snapshot;
        await using (var store = database.Store())
        {
            await using var host = await EngineHost.StartAsync(store, 1, TimeProvider.System, snapshotEvery: 100);
            foreach (var command in Market.Setup())
            {
                await host.SubmitAsync(command);
            }

            for (var round = 0; round < 6; round++)
            {
                await Task.WhenAll(Market.Trades(100).Select(host.SubmitAsync));
            }

            var waited = Task.Delay(TimeSpan.FromSeconds(10));
            while (host.LastSnapshot == 0 && !waited.IsCompleted)
            {
                await Task.Delay(10);
            }

            await host.DisposeAsync();
            snapshot = host.LastSnapshot;
        }

        // More after the snapshot (from a host that takes none), so the restart needs both.
        await using (var store = database.Store())
        {
            await using var host = await EngineHost.StartAsync(store, 1, TimeProvider.System, snapshotEvery: 0);
            await Task.WhenAll(Market.Trades(50).Select(host.SubmitAsync));
            durable = host.DurableSequence;
            await host.DisposeAsync();
            hash = host.StateHashUnsafe();
        }

        Assert.InRange(snapshot, 1, durable - 1);
        await using var reopened = database.Store();
        await using var restarted = await EngineHost.StartAsync(reopened, 1, TimeProvider.System, snapshotEvery: 100);
        Assert.True(restarted.RestoredFrom >= snapshot, $"restored from {restarted.RestoredFrom}, a snapshot of {snapshot} was stored");
        Assert.True(restarted.Replayed > 0);
        Assert.Equal(durable - restarted.RestoredFrom, restarted.Replayed);
        Assert.Equal(hash, restarted.StateHashUnsafe());
        Assert.Equal(durable, restarted.DurableSequence);

        // The same as a replay of the whole journal, and new commands continue from there.
        var full = new MatchingEngine();
        await JournalReplay.ApplyAsync(reopened, 1, full, durable, CancellationToken.None);
        Assert.Equal(hash, full.StateHash());
        Assert.Equal(durable + 1, (await restarted.SubmitAsync(EngineCommand.Tick()))[0].Sequence);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_acknowledged_command_is_in_the_journal_and_a_restart_rebuilds_the_same_state(DatabaseProvider provider)
    {
        await using var database = await JournalDatabase.CreateAsync(provider);
        var acked = new List<EngineEvent[]>();
        ulong hash;
        long durable;
        await using (var store = database.Store())
        {
            await using var host = await EngineHost.StartAsync(store, 1, TimeProvider.System);
            foreach (var command in Market.Setup())
            {
                acked.Add(await host.SubmitAsync(command));
            }

            // A burst: submitted together, acknowledged in group commits.
            acked.AddRange(await Task.WhenAll(Market.Trades(400).Select(host.SubmitAsync)));
            durable = host.DurableSequence;
            await host.DisposeAsync();
            hash = host.StateHashUnsafe();
        }

        Assert.Equal(acked.Count, durable);
        Assert.Contains(acked.SelectMany(e => e), e => e.Type == EventType.Trade);
        await using var reopened = database.Store();
        await using var restarted = await EngineHost.StartAsync(reopened, 1, TimeProvider.System);
        Assert.Equal(hash, restarted.StateHashUnsafe());
        Assert.Equal(durable, restarted.DurableSequence);
        Assert.Equal(2, restarted.Epoch);

        // The journal replayed into a fresh engine gives the very events that were acknowledged, byte for byte.
        await using var reader = database.Store();
        var replay = new MatchingEngine();
        var replayed = new List<EngineEvent>();
        await foreach (var batch in reader.ReadAsync(1, 0, CancellationToken.None))
        {
            var offset = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                offset += CommandCodec.Read(batch.Payload.AsSpan(offset), batch.BaseTimestamp, batch.FirstSequence + i, out var command);
                replay.Apply(command);
                replayed.AddRange(replay.Events.Events.ToArray());
                replay.Events.Clear();
            }
        }

        Assert.Equal(acked.SelectMany(e => e).ToList(), replayed);
        Assert.Equal(hash, replay.StateHash());
    }

    private static JournalAppend Batch(int stream, long epoch, long first, long last) =>
        new(stream, epoch, first, last, 1_000, (int)(last - first + 1), CommandCodec.Checksum(Payload), Payload);
}

/// <summary>A small market: two verified accounts with cash and fractions on one listed asset, then crossing orders.</summary>
internal static class Market
{
    public const long Usd = 1_000_000;

    public static IEnumerable<EngineCommand> Setup()
    {
        yield return EngineCommand.SetTradingFee(50, 100);
        yield return EngineCommand.ListAsset(0, tick: 10_000, referencePrice: 25 * Usd, maxHolding: 0, lockUpUntil: 0, bandBps: 1_000, royaltyBps: 200);
        for (var account = 0; account < 2; account++)
        {
            yield return EngineCommand.SetAccount(account, long.MaxValue, frozen: false);
            yield return EngineCommand.DepositCash(account, 1_000_000 * Usd);
            yield return EngineCommand.CreditFractions(account, 0, 100_000);
        }
    }

    /// <summary>Pairs of a resting sell and a buy that takes it: one trade per two commands, prices wandering inside the band.</summary>
    public static IEnumerable<EngineCommand> Trades(int pairs)
    {
        for (var i = 0; i < pairs; i++)
        {
            var price = (25 * Usd) + ((i % 21) - 10) * 10_000;
            var seller = i % 2;
            yield return EngineCommand.Place(seller, 0, Side.Sell, OrderKind.Limit, price, 3);
            yield return EngineCommand.Place(1 - seller, 0, Side.Buy, OrderKind.Limit, price, 3);
        }
    }
}
