using System.Buffers;
using System.Numerics;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Sorts 64-bit keys carrying an index along: one counting pass and one scatter by the top bits (up to 16),
/// then a comparison sort inside each bucket. Keys drawn from hashes (as addresses are) spread evenly, so the
/// buckets are tiny and the sort is close to linear; skewed keys fall back to O(n log n) in a large bucket.
/// </summary>
internal static class BucketSort
{
    /// <summary>Below this many keys a plain comparison sort is as fast and needs no bucket table.</summary>
    private const int SmallSort = 1 << 10;
    private const int MaxBucketBits = 16;

    /// <summary>Sorts <paramref name="keys"/> ascending and permutes <paramref name="items"/> the same way (not stable).</summary>
    public static void Sort(Span<ulong> keys, Span<int> items)
    {
        var n = keys.Length;
        if (n < SmallSort)
        {
            keys.Sort(items);
            return;
        }

        // About one key per bucket on average, at most 2^16 buckets (a 256 KiB table).
        var bucketBits = Math.Min(MaxBucketBits, BitOperations.Log2((uint)n));
        var buckets = 1 << bucketBits;
        var shift = 64 - bucketBits;
        var starts = ArrayPool<int>.Shared.Rent(buckets + 1);
        var keyCopy = ArrayPool<ulong>.Shared.Rent(n);
        var itemCopy = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var bounds = starts.AsSpan(0, buckets + 1);
            bounds.Clear();
            for (var i = 0; i < n; i++)
            {
                bounds[(int)(keys[i] >> shift) + 1]++;
            }

            for (var b = 1; b <= buckets; b++)
            {
                bounds[b] += bounds[b - 1];
            }

            keys.CopyTo(keyCopy);
            items.CopyTo(itemCopy);
            Scatter(keyCopy.AsSpan(0, n), itemCopy.AsSpan(0, n), keys, items, bounds, shift);
            for (var b = 0; b < buckets; b++)
            {
                // Scatter moved each start to the next bucket's start; the bucket is [bounds[b - 1], bounds[b]).
                var start = b == 0 ? 0 : bounds[b - 1];
                var length = bounds[b] - start;
                if (length > 1)
                {
                    keys.Slice(start, length).Sort(items.Slice(start, length));
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<ulong>.Shared.Return(keyCopy);
            ArrayPool<int>.Shared.Return(itemCopy);
        }
    }

    private static void Scatter(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> items, Span<ulong> targetKeys, Span<int> targetItems, Span<int> next, int shift)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            var position = next[(int)(key >> shift)]++;
            targetKeys[position] = key;
            targetItems[position] = items[i];
        }
    }
}
