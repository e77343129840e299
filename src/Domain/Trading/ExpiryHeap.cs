namespace TokenPlatform.Domain.Trading;

/// <summary>
/// Resting orders with an expiry, earliest first (a binary min-heap on arrays). Entries are not removed when
/// an order ends early: a popped entry whose order id no longer names a live order with that expiry is skipped.
/// Ties are broken by order id, so the cancel order of simultaneous expiries is deterministic.
/// </summary>
internal sealed class ExpiryHeap
{
    private long[] _at = new long[256];
    private long[] _ids = new long[256];

    public int Count { get; private set; }

    public long PeekTime => _at[0];

    public long PeekId => _ids[0];

    public void Push(long at, long orderId)
    {
        if (Count == _at.Length)
        {
            Array.Resize(ref _at, Count * 2);
            Array.Resize(ref _ids, Count * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Less(at, orderId, _at[parent], _ids[parent]))
            {
                break;
            }

            (_at[i], _ids[i]) = (_at[parent], _ids[parent]);
            i = parent;
        }

        (_at[i], _ids[i]) = (at, orderId);
    }

    public void Pop()
    {
        var (at, id) = (_at[--Count], _ids[Count]);
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Less(_at[child + 1], _ids[child + 1], _at[child], _ids[child]))
            {
                child++;
            }

            if (!Less(_at[child], _ids[child], at, id))
            {
                break;
            }

            (_at[i], _ids[i]) = (_at[child], _ids[child]);
            i = child;
        }

        if (Count > 0)
        {
            (_at[i], _ids[i]) = (at, id);
        }
    }

    private static bool Less(long at, long id, long otherAt, long otherId) => at < otherAt || (at == otherAt && id < otherId);

    public void Save(BinaryWriter writer)
    {
        SnapshotIo.Write(writer, _at, Count);
        SnapshotIo.Write(writer, _ids, Count);
    }

    public void Load(BinaryReader reader)
    {
        _at = SnapshotIo.Read<long>(reader, out var count, 256);
        _ids = SnapshotIo.Read<long>(reader, out _, 256);
        Count = count;
    }
}
