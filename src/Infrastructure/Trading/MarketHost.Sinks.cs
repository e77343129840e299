using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Infrastructure.Trading;

public sealed partial class MarketHost
{
    /// <summary>The account stage's batch is durable: answer what ended there, send the rest on to its shards.</summary>
    private sealed class StageSink(MarketHost market) : IAckSink
    {
        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            if (state is not MarketRoute route)
            {
                return;
            }

            route.Command = command;
            var routed = 0;
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    routed++;
                }
                else
                {
                    route.Add(e, command.Sequence);
                }
            }

            if (routed == 0)
            {
                market.Complete(route);
                return;
            }

            (route.Broadcast, route.Pending) = (routed > 1, routed);
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.Routed)
                {
                    var shard = (int)e.Remaining;
                    market._shards[shard].Submit(ShardRouting.ToShard(command, e, market.Shards), market._shardSinks[shard], route);
                }
            }
        }

        public void Fail(in EngineCommand command, Exception error, object? state)
        {
            if (state is MarketRoute route)
            {
                route.Error = error;
                market.Complete(route);
            }
        }
    }

    /// <summary>A shard's batch is durable: its released cash goes back to the account stage, its events to the command's caller.</summary>
    private sealed class ShardSink(MarketHost market, int shard) : IAckSink
    {
        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp)
        {
            var index = 0;
            foreach (ref readonly var e in events)
            {
                if (e.Type == EventType.CashReleased)
                {
                    market._stage.Submit(EngineCommand.ReleaseCash(e.Account, e.Price, shard, command.Sequence, index++), NoAckSink.Instance, null);
                }
            }

            if (state is not MarketRoute route)
            {
                return;
            }

            lock (route)
            {
                foreach (ref readonly var e in events)
                {
                    if (e.Type == EventType.CashReleased || (route.Broadcast && shard != 0 && e.Type is EventType.Applied or EventType.Rejected))
                    {
                        continue;
                    }

                    route.Add(ShardRouting.ToOutside(e, shard, market.Shards), route.Command.Sequence);
                }
            }

            if (Interlocked.Decrement(ref route.Pending) == 0)
            {
                market.Complete(route);
            }
        }

        public void Fail(in EngineCommand command, Exception error, object? state)
        {
            if (state is MarketRoute route)
            {
                lock (route)
                {
                    route.Error ??= error;
                }

                if (Interlocked.Decrement(ref route.Pending) == 0)
                {
                    market.Complete(route);
                }
            }
        }
    }
}
