using System.Runtime.InteropServices;

namespace TokenPlatform.Domain.Trading;

/// <summary>A resting (or incoming) order: 64 bytes, kept in one array and linked by handles, never allocated per order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OrderSlot
{
    public long Price;
    public long Remaining;

    /// <summary>UTC milliseconds (0: none).</summary>
    public long ExpiresAt;
    public int Account;
    public int Asset;
    public int Next;
    public int Prev;
    public int Level;
    public int AccountNext;
    public int AccountPrev;
    public int Generation;
    public Side Side;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTrade;

    /// <summary>In a book (resting), as opposed to free or being matched.</summary>
    public bool Resting;

    /// <summary>Never takes liquidity, also when amended (fits in the slot's padding: still 64 bytes).</summary>
    public bool PostOnly;
}

/// <summary>
/// The order slots with a free list. An order id is its slot and the slot's generation, so a stale id (of an
/// order that ended and whose slot was reused) never finds the new order, and no id-to-order map is needed.
/// </summary>
internal sealed class OrderPool
{
    private OrderSlot[] _slots;
    private int _free = -1;
    private int _highWater;

    public OrderPool(int capacity) => _slots = new OrderSlot[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public ref OrderSlot this[int handle] => ref _slots[handle];

    public static long IdOf(int handle, int generation) => ((long)generation << 32) | (uint)handle;

    public long IdOf(int handle) => IdOf(handle, _slots[handle].Generation);

    /// <summary>The live slot an id names, or -1.</summary>
    public int Find(long orderId)
    {
        var handle = (int)(orderId & 0xFFFF_FFFF);
        var generation = (int)(orderId >> 32);
        return handle >= 0 && handle < _highWater && _slots[handle].Generation == generation && generation > 0 && _slots[handle].Remaining > 0 ? handle : -1;
    }

    public int Allocate()
    {
        int handle;
        if (_free >= 0)
        {
            handle = _free;
            _free = _slots[handle].Next;
        }
        else
        {
            if (_highWater == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            handle = _highWater++;
        }

        ref var slot = ref _slots[handle];
        var generation = slot.Generation + 1;
        slot = default;
        slot.Generation = generation;
        slot.Next = slot.Prev = slot.Level = slot.AccountNext = slot.AccountPrev = -1;
        Count++;
        return handle;
    }

    public void Free(int handle)
    {
        ref var slot = ref _slots[handle];
        slot.Remaining = 0;
        slot.Resting = false;
        slot.Next = _free;
        _free = handle;
        Count--;
    }

    public void Save(BinaryWriter writer)
    {
        SnapshotIo.Write(writer, _slots, _highWater);
        writer.Write(_free);
        writer.Write(Count);
    }

    /// <summary>Restores slots, free list and count exactly, so the next handles (and order ids) are the ones the saved pool would have given.</summary>
    public void Load(BinaryReader reader)
    {
        _slots = SnapshotIo.Read<OrderSlot>(reader, out _highWater, _slots.Length);
        _free = reader.ReadInt32();
        Count = reader.ReadInt32();
    }

}
