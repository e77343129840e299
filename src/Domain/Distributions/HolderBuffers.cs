using System.Buffers;
using System.Runtime.InteropServices;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// The pooled scratch arrays of one computation over <c>count</c> holders; each buffer is reused once
/// its first content is no longer read, so a million holders need three arrays, not five.
/// </summary>
internal sealed class HolderBuffers(int count)
{
    private readonly int[] _order = ArrayPool<int>.Shared.Rent(count);
    private readonly long[] _keys = ArrayPool<long>.Shared.Rent(count);
    private readonly long[] _fractions = ArrayPool<long>.Shared.Rent(count);

    /// <summary>Holder indices, in address order once sorted.</summary>
    public Span<int> Order => _order.AsSpan(0, count);

    /// <summary>The address sort keys.</summary>
    public Span<ulong> Keys => MemoryMarshal.Cast<long, ulong>(_keys.AsSpan(0, count));

    /// <summary>The fractions by input index.</summary>
    public Span<long> Fractions => _fractions.AsSpan(0, count);

    /// <summary>The split's weights in address order: the keys' buffer, free once the holders are sorted.</summary>
    public Span<long> Weights(int length) => _keys.AsSpan(0, length);

    /// <summary>The holders' amounts: the fractions' buffer, free once the weights are gathered.</summary>
    public Span<long> Amounts(int length) => _fractions.AsSpan(0, length);

    public void Return()
    {
        ArrayPool<int>.Shared.Return(_order);
        ArrayPool<long>.Shared.Return(_keys);
        ArrayPool<long>.Shared.Return(_fractions);
    }
}
