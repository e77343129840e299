using TokenPlatform.Domain.Trading;

namespace TokenPlatform.JournalChild;

/// <summary>
/// The command with each sequence number, a function of the number alone: the crash test regenerates it to
/// prove the journal holds exactly what was submitted (nothing lost that was acknowledged, nothing foreign).
/// </summary>
public static class CrashWorkload
{
    public const int Accounts = 20;
    public const int Assets = 3;
    public const long Usd = 1_000_000;
    public const long Tick = 10_000;
    public const long Reference = 50 * Usd;
    public const int MarketShards = 2;
    public const int MarketAccountStream = 1000;

    /// <summary>How many workload commands the market's account stage has journaled (its stream minus the releases from shards).</summary>
    public static async Task<long> CountMarketCommandsAsync(Func<TokenPlatform.Infrastructure.Trading.IJournalStore> stores, int accountStream)
    {
        await using var store = stores();
        long count = 0;
        await foreach (var batch in store.ReadAsync(accountStream, 0, CancellationToken.None))
        {
            var offset = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                offset += CommandCodec.Read(batch.Payload.AsSpan(offset), batch.BaseTimestamp, batch.FirstSequence + i, out var command);
                count += command.Type == CommandType.ReleaseCash ? 0 : 1;
            }
        }

        return count;
    }

    /// <summary>Fee, listings, then each account verified, funded and credited.</summary>
    public static int SetupCount => 1 + Assets + (Accounts * (2 + Assets));

    public static EngineCommand At(long sequence)
    {
        var c = sequence <= SetupCount ? Setup((int)sequence - 1) : Flow(sequence);
        c.Sequence = sequence;
        return c;
    }

    private static EngineCommand Setup(int i)
    {
        if (i == 0)
        {
            return EngineCommand.SetTradingFee(30, 100);
        }

        if (i <= Assets)
        {
            return EngineCommand.ListAsset(i - 1, Tick, Reference, maxHolding: 5_000, lockUpUntil: 0, bandBps: 1_000, royaltyBps: 250);
        }

        var k = i - 1 - Assets;
        var account = k / (2 + Assets);
        return (k % (2 + Assets)) switch
        {
            0 => EngineCommand.SetAccount(account, long.MaxValue, frozen: false),
            1 => EngineCommand.DepositCash(account, 100_000 * Usd),
            var n => EngineCommand.CreditFractions(account, n - 2, 1_000),
        };
    }

    private static EngineCommand Flow(long sequence)
    {
        var r = new Random(unchecked((int)(sequence * 2654435761L)));
        var account = r.Next(Accounts);
        var asset = r.Next(Assets);
        var roll = r.Next(100);
        if (roll < 8)
        {
            return EngineCommand.CancelAll(account, asset);
        }

        if (roll < 11)
        {
            return EngineCommand.DepositCash(account, (1 + r.Next(100)) * Usd);
        }

        if (roll < 13)
        {
            return EngineCommand.WithdrawCash(account, (1 + r.Next(100)) * Usd);
        }

        var side = r.Next(2) == 0 ? Side.Buy : Side.Sell;
        var price = Reference + ((r.Next(41) - 20) * Tick);
        var tif = roll < 40 ? TimeInForce.Ioc : TimeInForce.Gtc;
        return EngineCommand.Place(account, asset, side, roll < 45 ? OrderKind.Market : OrderKind.Limit, price, 1 + r.Next(8), tif,
            selfTrade: r.Next(2) == 0 ? SelfTradePrevention.CancelIncoming : SelfTradePrevention.CancelResting);
    }
}
