using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>
/// A market's streams read back offline (each one replayed on its own, as recovery does), with what crossed between
/// them, and the checks that must hold whatever moment the market stopped at: every crossing arrived at most once and
/// in order, no shard holds cash for nobody, holds are exact, and cash is conserved counting what was still on its way.
/// </summary>
internal sealed class MarketReplay
{
    private MarketReplay(int shards)
    {
        Stage = new AccountStage(shards);
        Shards = new MatchingEngine[shards];
        RoutedTo = new List<long>[shards];
        Sources = new List<long>[shards];
        ShardReleases = new List<(long, int, int, long)>[shards];
        StageReleases = new List<(long, int, int, long)>[shards];
        for (var s = 0; s < shards; s++)
        {
            Shards[s] = new MatchingEngine(releasesCash: true);
            (RoutedTo[s], Sources[s], ShardReleases[s], StageReleases[s]) = ([], [], [], []);
        }
    }

    public AccountStage Stage { get; }

    public MatchingEngine[] Shards { get; }

    /// <summary>The account stage's commands other than releases, in order (what callers submitted).</summary>
    public List<EngineCommand> Submitted { get; } = [];

    /// <summary>Per shard: the stage sequences routed to it, and the sources of the commands it journaled.</summary>
    public List<long>[] RoutedTo { get; }

    public List<long>[] Sources { get; }

    /// <summary>Per shard: the cash it released (its sequence, index, account, amount), and the releases the stage applied.</summary>
    public List<(long Sequence, int Index, int Account, long Amount)>[] ShardReleases { get; }

    public List<(long Sequence, int Index, int Account, long Amount)>[] StageReleases { get; }

    /// <summary>Deposits minus withdrawals the stage accepted.</summary>
    public long NetDeposits { get; private set; }

    public long Trades => Shards.Sum(s => s.TradeCount);

    public static async Task<MarketReplay> ReadAsync(Func<IJournalStore> stores, int shards, int accountStream)
    {
        var replay = new MarketReplay(shards);
        await using (var store = stores())
        {
            var (_, last) = await store.OpenAsync(accountStream, CancellationToken.None);
            await JournalReplay.ApplyAsync(store, accountStream, replay.Stage, last, CancellationToken.None, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
            {
                if (c.Type == CommandType.ReleaseCash)
                {
                    replay.StageReleases[c.Bps].Add((c.Source, (int)c.Quantity, c.Account, c.Value));
                    return;
                }

                replay.Submitted.Add(c);
                foreach (var e in events)
                {
                    if (e.Type == EventType.Routed)
                    {
                        replay.RoutedTo[e.Remaining].Add(c.Sequence);
                    }
                    else if (e.Type == EventType.Applied && c.Type is CommandType.DepositCash or CommandType.WithdrawCash)
                    {
                        replay.NetDeposits += c.Type == CommandType.DepositCash ? c.Value : -c.Value;
                    }
                }
            });
        }

        for (var s = 0; s < shards; s++)
        {
            var shard = s;
            await using var store = stores();
            var (_, last) = await store.OpenAsync(accountStream + 1 + s, CancellationToken.None);
            await JournalReplay.ApplyAsync(store, accountStream + 1 + s, replay.Shards[s], last, CancellationToken.None, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
            {
                replay.Sources[shard].Add(c.Source);
                var index = 0;
                foreach (var e in events)
                {
                    if (e.Type == EventType.CashReleased)
                    {
                        replay.ShardReleases[shard].Add((c.Sequence, index++, e.Account, e.Price));
                    }
                }
            });
        }

        return replay;
    }

    /// <param name="accounts">Accounts 0..accounts-1 are checked.</param>
    /// <param name="allForwarded">The market stopped cleanly after a recovery: every routed command reached its shard.</param>
    public void AssertConsistent(int accounts, bool allForwarded)
    {
        long onShards = 0, onTheWay = 0;
        for (var s = 0; s < Shards.Length; s++)
        {
            AssertPrefix(Sources[s], RoutedTo[s], $"shard {s}'s sources");
            if (allForwarded)
            {
                Assert.Equal(RoutedTo[s].Count, Sources[s].Count);
            }

            AssertPrefix(StageReleases[s], ShardReleases[s], $"releases of shard {s}");
            onTheWay += ShardReleases[s].Skip(StageReleases[s].Count).Sum(r => r.Amount);
            var audit = Shards[s].Audit();
            Assert.Equal(0, audit.HoldMismatches);
            Assert.Equal(0, audit.NegativeBalances);
            Assert.False(audit.Crossed);
            onShards += audit.CashTotal + audit.FeesAndRoyalties;
            for (var a = 0; a < accounts; a++)
            {
                Assert.Equal(0, Shards[s].Cash(a).CashAvailable);
            }
        }

        long onStage = 0;
        for (var a = 0; a < accounts; a++)
        {
            Assert.True(Stage.Available(a) >= 0, $"account {a} has {Stage.Available(a)} on the stage");
            onStage += Stage.Available(a);
        }

        Assert.Equal(NetDeposits, onStage + onShards + onTheWay);
    }

    private static void AssertPrefix<T>(List<T> prefix, List<T> of, string what)
    {
        Assert.True(prefix.Count <= of.Count, $"{what}: {prefix.Count} arrived, only {of.Count} were sent");
        for (var i = 0; i < prefix.Count; i++)
        {
            Assert.True(EqualityComparer<T>.Default.Equals(prefix[i], of[i]), $"{what}: item {i} is {prefix[i]}, sent {of[i]}");
        }
    }
}
