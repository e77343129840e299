namespace TokenPlatform.Domain.Trading;

/// <summary>
/// An open-addressing map from a pair of longs to an int (linear probing, backward-shift removal): no
/// allocation per operation, only when it grows. Iteration order never matters to the engine, so the
/// layout after growth does not affect determinism.
/// </summary>
internal sealed class PairMap
{
    private long[] _a;
    private long[] _b;
    private int[] _values;
    private bool[] _used;
    private int _mask;

    public PairMap(int capacity = 1024)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        (_a, _b, _values, _used, _mask) = (new long[size], new long[size], new int[size], new bool[size], size - 1);
    }

    public int Count { get; private set; }

    public bool TryGet(long a, long b, out int value)
    {
        for (var i = Slot(a, b); _used[i]; i = (i + 1) & _mask)
        {
            if (_a[i] == a && _b[i] == b)
            {
                value = _values[i];
                return true;
            }
        }

        value = 0;
        return false;
    }

    public void Set(long a, long b, int value)
    {
        if ((Count + 1) * 2 > _used.Length)
        {
            Grow();
        }

        var i = Slot(a, b);
        while (_used[i])
        {
            if (_a[i] == a && _b[i] == b)
            {
                _values[i] = value;
                return;
            }

            i = (i + 1) & _mask;
        }

        (_used[i], _a[i], _b[i], _values[i]) = (true, a, b, value);
        Count++;
    }

    public bool Remove(long a, long b)
    {
        var i = Slot(a, b);
        while (_used[i] && !(_a[i] == a && _b[i] == b))
        {
            i = (i + 1) & _mask;
        }

        if (!_used[i])
        {
            return false;
        }

        // Backward shift: pull later entries of the probe run into the hole so lookups need no tombstones.
        var hole = i;
        for (var j = (i + 1) & _mask; _used[j]; j = (j + 1) & _mask)
        {
            var home = Slot(_a[j], _b[j]);
            if (((j - home) & _mask) >= ((j - hole) & _mask))
            {
                (_a[hole], _b[hole], _values[hole]) = (_a[j], _b[j], _values[j]);
                hole = j;
            }
        }

        _used[hole] = false;
        Count--;
        return true;
    }

    private int Slot(long a, long b)
    {
        var h = (ulong)a * 0x9E3779B97F4A7C15UL ^ (ulong)b * 0xC2B2AE3D27D4EB4FUL;
        return (int)((h ^ (h >> 29)) & (ulong)_mask);
    }

    private void Grow()
    {
        var (a, b, values, used) = (_a, _b, _values, _used);
        var size = used.Length * 2;
        (_a, _b, _values, _used, _mask, Count) = (new long[size], new long[size], new int[size], new bool[size], size - 1, 0);
        for (var i = 0; i < used.Length; i++)
        {
            if (used[i])
            {
                Set(a[i], b[i], values[i]);
            }
        }
    }
}
