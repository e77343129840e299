namespace TokenPlatform.Domain.Trading;

/// <summary>A price level: its orders in time priority (a doubly linked list of order handles) and their total.</summary>
internal struct LevelSlot
{
    public long Price;
    public long Quantity;
    public int Head;
    public int Tail;
    public int Count;
    public int NextFree;
}

/// <summary>The levels of all books, in one array with a free list.</summary>
internal sealed class LevelPool
{
    private LevelSlot[] _slots = new LevelSlot[256];
    private int _free = -1;
    private int _highWater;

    public ref LevelSlot this[int handle] => ref _slots[handle];

    public int Allocate(long price)
    {
        int handle;
        if (_free >= 0)
        {
            handle = _free;
            _free = _slots[handle].NextFree;
        }
        else
        {
            if (_highWater == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            handle = _highWater++;
        }

        _slots[handle] = new LevelSlot { Price = price, Head = -1, Tail = -1 };
        return handle;
    }

    public void Free(int handle)
    {
        _slots[handle].NextFree = _free;
        _free = handle;
    }

    public void Save(BinaryWriter writer)
    {
        SnapshotIo.Write(writer, _slots, _highWater);
        writer.Write(_free);
    }

    public void Load(BinaryReader reader)
    {
        _slots = SnapshotIo.Read<LevelSlot>(reader, out _highWater, _slots.Length);
        _free = reader.ReadInt32();
    }
}

/// <summary>
/// One side of a book: its levels sorted so the best is last (bids ascending, asks descending), so
/// the levels that come and go most (at the touch) are inserted and removed at the end of the array.
/// </summary>
internal sealed class BookSide(bool bids)
{
    private int[] _levels = new int[16];

    public int Count { get; private set; }

    public bool IsBids { get; } = bids;

    /// <summary>The level at a rank from the best (0 = best).</summary>
    public int LevelAt(int rankFromBest) => _levels[Count - 1 - rankFromBest];

    public int Best => Count == 0 ? -1 : _levels[Count - 1];

    /// <summary>The level at this price, or -1; <paramref name="insertAt"/> is where it would go.</summary>
    public int Find(LevelPool pool, long price, out int insertAt)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var p = pool[_levels[mid]].Price;
            if (p == price)
            {
                insertAt = mid;
                return _levels[mid];
            }

            // Ascending for bids, descending for asks.
            if (IsBids ? p < price : p > price)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        insertAt = lo;
        return -1;
    }

    public void Insert(int at, int level)
    {
        if (Count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        Array.Copy(_levels, at, _levels, at + 1, Count - at);
        _levels[at] = level;
        Count++;
    }

    public void Remove(LevelPool pool, int level)
    {
        if (Count > 0 && _levels[Count - 1] == level)
        {
            Count--;
            return;
        }

        Find(pool, pool[level].Price, out var at);
        Array.Copy(_levels, at + 1, _levels, at, Count - at - 1);
        Count--;
    }

    public void Save(BinaryWriter writer) => SnapshotIo.Write(writer, _levels, Count);

    public void Load(BinaryReader reader)
    {
        _levels = SnapshotIo.Read<int>(reader, out var count, 16);
        Count = count;
    }
}
