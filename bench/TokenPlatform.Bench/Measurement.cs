using System.Diagnostics;
using System.Globalization;

namespace TokenPlatform.Bench;

/// <summary>Time and allocations of one run of a benchmarked action.</summary>
internal readonly record struct Measurement(TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>Runs <paramref name="action"/> once after a full collection, measuring time and bytes allocated on this thread.</summary>
    public static Measurement Of(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        action();
        stopwatch.Stop();
        return new Measurement(stopwatch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    /// <summary>The median run by time (the middle one of an odd count).</summary>
    public static Measurement Median(IReadOnlyList<Measurement> runs)
    {
        var sorted = runs.OrderBy(r => r.Elapsed).ToList();
        return sorted[sorted.Count / 2];
    }

    public static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture);

    public static string Mebibytes(long bytes) => (bytes / 1024d / 1024d).ToString("N1", CultureInfo.InvariantCulture) + " MiB";
}
