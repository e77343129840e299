using System.Buffers;
using System.Numerics;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Splits an integer amount pro-rata to integer weights so that the parts add up exactly to the amount
/// (the largest remainder, or Hamilton, method): every part is first rounded down, then the units left
/// over go one each to the parts with the largest remainders; equal remainders favour the lower index.
/// Every part is therefore the floor of its exact share or one more, and a part whose exact share is a
/// whole number gets exactly that.
/// </summary>
/// <remarks>
/// Runs in linear time: the remainder that the last leftover unit goes to is found by a radix selection
/// (one counting pass per byte of the remainders), then one pass hands out the units. Besides the result
/// it uses one pooled scratch array of remainders.
/// </remarks>
public static class LargestRemainder
{
    /// <summary>Splits <paramref name="total"/> among <paramref name="weights"/>; the parts sum exactly to the total.</summary>
    /// <exception cref="ArgumentException">A negative total or weight, or weights that sum to zero.</exception>
    public static long[] Split(long total, ReadOnlySpan<long> weights)
    {
        var shares = new long[weights.Length];
        Split(total, weights, shares);
        return shares;
    }

    /// <summary>
    /// Writes the parts of <paramref name="total"/> into <paramref name="shares"/> (the same length as
    /// <paramref name="weights"/>), for callers that keep their own buffers.
    /// </summary>
    /// <exception cref="ArgumentException">A negative total or weight, weights that sum to zero, or a shares span of another length.</exception>
    public static void Split(long total, ReadOnlySpan<long> weights, Span<long> shares)
    {
        if (total < 0)
        {
            throw new ArgumentException("The total to split cannot be negative.", nameof(total));
        }

        if (shares.Length != weights.Length)
        {
            throw new ArgumentException("There must be one share per weight.", nameof(shares));
        }

        Int128 sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException($"Weight {i} is negative.", nameof(weights));
            }

            sum += weights[i];
        }

        if (sum == 0)
        {
            throw new ArgumentException("The weights must not all be zero.", nameof(weights));
        }

        if (sum <= long.MaxValue)
        {
            SplitWith<ulong>(total, weights, (ulong)sum, shares);
        }
        else
        {
            SplitWith<UInt128>(total, weights, (UInt128)sum, shares);
        }
    }

    /// <summary>
    /// The split with remainders held in <typeparamref name="T"/>: <see cref="ulong"/> whenever the weights
    /// sum to at most <see cref="long.MaxValue"/>, <see cref="UInt128"/> otherwise.
    /// </summary>
    private static void SplitWith<T>(long total, ReadOnlySpan<long> weights, T sum, Span<long> shares)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var wideSum = UInt128.CreateTruncating(sum);
        var remainders = ArrayPool<T>.Shared.Rent(weights.Length);
        try
        {
            var given = 0L;
            for (var i = 0; i < weights.Length; i++)
            {
                var (quotient, remainder) = UInt128.DivRem((UInt128)(ulong)total * (ulong)weights[i], wideSum);
                shares[i] = (long)quotient;
                remainders[i] = T.CreateTruncating(remainder);
                given += (long)quotient;
            }

            // Fewer units are left than there are non-zero remainders (the remainders add up to
            // leftover x sum, each is below sum), so the threshold below is itself above zero.
            var leftover = total - given;
            if (leftover == 0)
            {
                return;
            }

            var span = remainders.AsSpan(0, weights.Length);
            var (threshold, atThreshold) = KthLargest(span, (int)leftover, sum - T.One);
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] > threshold)
                {
                    shares[i]++;
                }
                else if (atThreshold > 0 && span[i] == threshold)
                {
                    shares[i]++;
                    atThreshold--;
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(remainders);
        }
    }

    /// <summary>
    /// The <paramref name="k"/>-th largest of <paramref name="values"/> (1-based, counting repeats), and how
    /// many of the values equal to it are within the first k: a most-significant-byte-first radix selection.
    /// </summary>
    private static (T Value, int TakenAtValue) KthLargest<T>(ReadOnlySpan<T> values, int k, T max)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var bits = Math.Max(8, int.CreateTruncating(T.Log2(max)) + 1);
        var topShift = (bits - 1) / 8 * 8;
        var prefix = T.Zero;
        var mask = T.Zero;
        var byteMask = T.CreateTruncating(0xFF);
        Span<int> counts = stackalloc int[256];
        for (var shift = topShift; shift >= 0; shift -= 8)
        {
            counts.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if ((value & mask) == prefix)
                {
                    counts[int.CreateTruncating((value >> shift) & byteMask)]++;
                }
            }

            var digit = 255;
            while (counts[digit] < k)
            {
                k -= counts[digit];
                digit--;
            }

            prefix |= T.CreateTruncating(digit) << shift;
            mask |= byteMask << shift;
        }

        return (prefix, k);
    }
}
