using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

public sealed partial class MarketHost
{
    /// <summary>Replays the stage, then each shard, then resends what had not crossed: releases to the stage first, then routed commands to the shards.</summary>
    private async Task RecoverAsync(Func<IJournalStore> storeFactory, int accountStream, TimeProvider clock, Func<MatchingEngine>? shardFactory, CancellationToken cancellationToken)
    {
        var shards = _shards.Length;
        var routed = new Queue<(EngineCommand Command, EngineEvent Routed)>();
        var droppedThrough = new long[shards];
        var stage = new AccountStage(shards);
        _stores[0] = storeFactory();
        _stage = await EngineHost.StartAsync(_stores[0], accountStream, clock, stage, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
        {
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    routed.Enqueue((c, e));
                }
            }

            while (routed.Count > RecoveryWindow)
            {
                var (dropped, to) = routed.Dequeue();
                droppedThrough[to.Remaining] = dropped.Sequence;
            }
        }, cancellationToken: cancellationToken);

        var releases = new List<EngineCommand>();
        var lastSource = new long[shards];
        for (var s = 0; s < shards; s++)
        {
            var shard = s;
            var (releasedSequence, releasedIndex) = stage.ReleasedThrough(shard);
            var engine = shardFactory?.Invoke() ?? new MatchingEngine(releasesCash: true);
            if (!engine.ReleasesCash)
            {
                throw new ArgumentException("A shard must release its cash to the account stage.", nameof(shardFactory));
            }

            _stores[1 + s] = storeFactory();
            _shards[s] = await EngineHost.StartAsync(_stores[1 + s], accountStream + 1 + s, clock, engine, (in EngineCommand c, ReadOnlySpan<EngineEvent> events) =>
            {
                lastSource[shard] = Math.Max(lastSource[shard], c.Source);
                var index = 0;
                foreach (ref readonly var e in events)
                {
                    if (e.Type != EventType.CashReleased)
                    {
                        continue;
                    }

                    if (c.Sequence > releasedSequence || (c.Sequence == releasedSequence && index > releasedIndex))
                    {
                        releases.Add(EngineCommand.ReleaseCash(e.Account, e.Price, shard, c.Sequence, index));
                    }

                    index++;
                }
            }, cancellationToken: cancellationToken);
        }

        // Releases first: once a shard has a resent command, its new releases follow these on the stage's queue, in order.
        foreach (var release in releases)
        {
            _stage.Submit(release, NoAckSink.Instance, null);
        }

        var forwards = 0;
        foreach (var (command, to) in routed)
        {
            var s = (int)to.Remaining;
            if (command.Sequence <= lastSource[s])
            {
                continue;
            }

            if (droppedThrough[s] > lastSource[s])
            {
                throw new InvalidDataException($"Shard {s} journaled the account stage up to {lastSource[s]}, but commands up to {droppedThrough[s]} are beyond recovery's window.");
            }

            _shards[s].Submit(ShardRouting.ToShard(command, to, shards), _shardSinks[s], null);
            forwards++;
        }

        for (var s = 0; s < shards; s++)
        {
            // Also for a shard none of whose missing commands is still in the window.
            if (droppedThrough[s] > lastSource[s])
            {
                throw new InvalidDataException($"Shard {s} journaled the account stage up to {lastSource[s]}, but commands up to {droppedThrough[s]} are beyond recovery's window.");
            }
        }

        Recovered = (forwards, releases.Count);
    }
}
