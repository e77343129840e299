namespace TokenPlatform.Domain.Trading;

/// <summary>
/// Where a command goes when the market runs on several shards, and how ids read outside: an asset lives on
/// shard <c>asset % shards</c>; an order or trade id seen outside is the shard's own id x shards + the shard,
/// so ids from different shards never collide and a cancel finds its shard from the id alone.
/// </summary>
public static class ShardRouting
{
    /// <summary>The most shards a market runs on.</summary>
    public const int MaxShards = 64;

    public static int ShardOfAsset(int asset, int shards) => asset <= 0 ? 0 : asset % shards;

    public static int ShardOfOrder(long orderId, int shards) => orderId <= 0 ? 0 : (int)(orderId % shards);

    public static long LocalId(long globalId, int shards) => globalId <= 0 ? globalId : globalId / shards;

    public static long GlobalId(long localId, int shard, int shards) => localId <= 0 ? localId : (localId * shards) + shard;

    /// <summary>The command a shard applies for a routed one: its order id made local, the cash the account stage sent with it, and where it came from.</summary>
    public static EngineCommand ToShard(in EngineCommand command, in EngineEvent routed, int shards)
    {
        var forwarded = command;
        forwarded.OrderId = LocalId(command.OrderId, shards);
        forwarded.Value = command.Type is CommandType.Place or CommandType.Amend ? routed.Price : command.Value;
        forwarded.Source = command.Sequence;
        return forwarded;
    }

    /// <summary>A shard's event as the outside sees it (its ids made global).</summary>
    public static EngineEvent ToOutside(in EngineEvent e, int shard, int shards)
    {
        var outside = e;
        outside.OrderId = GlobalId(e.OrderId, shard, shards);
        outside.CounterOrderId = GlobalId(e.CounterOrderId, shard, shards);
        outside.TradeId = GlobalId(e.TradeId, shard, shards);
        return outside;
    }
}
