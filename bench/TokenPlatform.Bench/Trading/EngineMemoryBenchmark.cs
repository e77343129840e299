using System.Diagnostics;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Bench.Trading;

/// <summary>
/// Memory of resting orders: 10,000,000 non-crossing limit orders over 10,000 books (1,000 each, on 100 price
/// levels a side), measured as the managed heap after a full collection, before the engine exists and after. Targets (issue 14):
/// <= 64 bytes per resting order in the book; 10,000,000 orders within 1 GiB.
/// </summary>
internal static class EngineMemoryBenchmark
{
    public static int Run()
    {
        // Few accounts: the orders' own cost (slots, levels). Many: every order also opens a position (account x asset).
        Scenario(accounts: 10);
        Scenario(accounts: 1_000);
        return 0;
    }

    private static void Scenario(int accounts)
    {
        const int books = 10_000, perBook = 1_000;
        Console.WriteLine($"== {books * perBook:N0} resting orders, {books:N0} books, {accounts:N0} accounts");
        // Everything the engine holds counts, its order pool included: sized for the orders it is to hold, as a
        // deployment configures it (a pool that grew by doubling would hold up to twice the slots it needs).
        var baseline = Heap();
        var engine = new MatchingEngine(orderCapacity: books * perBook, clientOrderIdMemory: 16);
        long sequence = 0;
        void Apply(EngineCommand c)
        {
            c.Sequence = ++sequence;
            c.Timestamp = 1_000;
            engine.Apply(c);
            engine.Events.Clear();
        }

        Apply(EngineCommand.SetTradingFee(50, 100));
        for (var asset = 0; asset < books; asset++)
        {
            Apply(EngineCommand.ListAsset(asset, TradingWorkload.Tick, TradingWorkload.Reference, 0, 0, 1_000, 0));
        }

        for (var account = 0; account < accounts; account++)
        {
            Apply(EngineCommand.SetAccount(account, long.MaxValue, false));
            Apply(EngineCommand.DepositCash(account, 1_000_000_000 * TradingWorkload.Usd));
        }

        var started = Stopwatch.GetTimestamp();
        for (var asset = 0; asset < books; asset++)
        {
            for (var i = 0; i < perBook; i++)
            {
                // Buys only, 100 levels below the reference: nothing crosses, every order rests.
                Apply(EngineCommand.Place((asset + i) % accounts, asset, Side.Buy, OrderKind.Limit, TradingWorkload.Reference - ((1 + (i % 100)) * TradingWorkload.Tick), 1));
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var filled = Heap();
        var resting = engine.OpenOrders;
        var perOrder = (double)(filled - baseline) / resting;
        Console.WriteLine($"   {resting:N0} resting orders over {books:N0} books placed in {elapsed.TotalSeconds:N1} s; managed heap {baseline / 1048576.0:N0} MiB before, {filled / 1048576.0:N0} MiB after");
        Console.WriteLine($"   {perOrder:N1} bytes per resting order (slot, its share of levels, positions and holds); process working set {Environment.WorkingSet / 1048576.0:N0} MiB");
        Console.WriteLine($"   targets: <= 64 bytes per resting order: {(perOrder <= 64 ? "met" : "MISSED")}; 10,000,000 orders within 1 GiB: {(filled <= 1L << 30 ? "met" : "MISSED")}");
        GC.KeepAlive(engine);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
