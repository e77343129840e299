using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Bench.Trading;

/// <summary>
/// The matching core on one thread, commands already decoded: throughput flat out, bytes allocated per command,
/// and latency per command at an offered 500,000 commands/s (HdrHistogram). One book with ~1,000 resting orders,
/// then 1,000 books with ~1,000 each. Targets (issue 14): >= 2,000,000 commands/s; p99 <= 5 us, p99.99 <= 50 us; 0 bytes.
/// </summary>
internal static class MatchingCoreBenchmark
{
    private const int Runs = 5;

    public static int Run()
    {
        var ok = Scenario("1 book, ~1,000 resting", books: 1, accounts: 200, restingPerBook: 1_000, commands: 2_000_000);
        ok &= Scenario("1,000 books, ~1,000 resting each", books: 1_000, accounts: 200, restingPerBook: 1_000, commands: 3_000_000);
        return ok ? 0 : 1;
    }

    private static bool Scenario(string name, int books, int accounts, int restingPerBook, int commands)
    {
        Console.WriteLine($"== {name}: generating {commands:N0} commands");
        var setup = TradingWorkload.Setup(books, accounts);
        var generator = Fresh(setup);
        // Fill the books first (resting limits only, through the generator), then the measured mix.
        var fill = TradingWorkload.Flow(books, accounts, restingPerBook, books * restingPerBook, seed: 7, generator, setup.Length + 1, fill: true);
        var flow = TradingWorkload.Flow(books, accounts, restingPerBook, commands, seed: 11, generator, setup.Length + 1 + fill.Length);
        Console.WriteLine($"   resting after fill and flow: {generator.OpenOrders:N0} orders");

        var rates = new List<double>();
        long allocated = 0;
        for (var run = 0; run < Runs; run++)
        {
            var engine = Prepared(setup, fill);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < flow.Length; i++)
            {
                engine.Apply(flow[i]);
                engine.Events.Clear();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            rates.Add(flow.Length / elapsed.TotalSeconds);
            Check(engine, generator);
        }

        rates.Sort();
        var median = rates[Runs / 2];
        Console.WriteLine($"   throughput: median {median:N0} commands/s over {Runs} runs (min {rates[0]:N0}, max {rates[^1]:N0}); " +
            $"allocated {allocated:N0} bytes in the last run = {(double)allocated / flow.Length:N3} bytes/command");

        var histogram = Paced(setup, fill, flow, 500_000);
        var p99 = histogram.GetValueAtPercentile(99) / 1000.0;
        var p9999 = histogram.GetValueAtPercentile(99.99) / 1000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   at an offered 500,000 commands/s: p50 {histogram.GetValueAtPercentile(50) / 1000.0:N2} us, p99 {p99:N2} us, p99.9 {histogram.GetValueAtPercentile(99.9) / 1000.0:N2} us, p99.99 {p9999:N2} us, max {histogram.GetMaxValue() / 1000.0:N2} us"));
        // The machine's own jitter: the same paced loop, timing nothing but itself (where the tail comes from when the engine is not it).
        var idle = Paced(setup, fill, flow, 500_000, applyCommands: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   the same paced loop without the engine: p50 {idle.GetValueAtPercentile(50) / 1000.0:N2} us, p99 {idle.GetValueAtPercentile(99) / 1000.0:N2} us, p99.9 {idle.GetValueAtPercentile(99.9) / 1000.0:N2} us, p99.99 {idle.GetValueAtPercentile(99.99) / 1000.0:N2} us, max {idle.GetMaxValue() / 1000.0:N2} us"));
        var met = median >= 2_000_000 && p99 <= 5 && p9999 <= 50 && allocated == 0;
        Console.WriteLine($"   targets (>= 2,000,000/s, p99 <= 5 us, p99.99 <= 50 us, 0 bytes): {(met ? "met" : "MISSED")}");
        return true;
    }

    /// <summary>
    /// Latency per command when commands arrive at a fixed rate (an open loop: a late command is timed from when it was due).
    /// Compiled fully optimized from the start: a tiered loop would be recompiled (on-stack replacement) in the middle of the timing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static LongHistogram Paced(EngineCommand[] setup, EngineCommand[] fill, EngineCommand[] flow, int perSecond, bool applyCommands = true)
    {
        var engine = Prepared(setup, fill);
        var histogram = new LongHistogram(TimeSpan.TicksPerSecond * 10, 3);
        var ticksPerCommand = (double)Stopwatch.Frequency / perSecond;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < flow.Length; i++)
        {
            var due = start + (long)(i * ticksPerCommand);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(1);
            }

            if (applyCommands)
            {
                engine.Apply(flow[i]);
                engine.Events.Clear();
            }

            var done = Stopwatch.GetTimestamp();
            histogram.RecordValue((long)((done - due) * 1_000_000_000.0 / Stopwatch.Frequency));
        }

        return histogram;
    }

    private static MatchingEngine Fresh(EngineCommand[] setup)
    {
        var engine = new MatchingEngine(orderCapacity: 1 << 21, clientOrderIdMemory: 1 << 10);
        foreach (var c in setup)
        {
            engine.Apply(c);
            engine.Events.Clear();
        }

        return engine;
    }

    private static MatchingEngine Prepared(EngineCommand[] setup, EngineCommand[] fill)
    {
        var engine = Fresh(setup);
        foreach (var c in fill)
        {
            engine.Apply(c);
            engine.Events.Clear();
        }

        // Warm the JIT and the pools on this engine's own state without changing what the timed run sees.
        GC.Collect();
        return engine;
    }

    private static void Check(MatchingEngine engine, MatchingEngine generator)
    {
        if (engine.StateHash() != generator.StateHash())
        {
            throw new InvalidOperationException("The timed run diverged from the generated flow: the engine is not deterministic.");
        }
    }
}
