namespace TokenPlatform.Domain.Trading;

/// <summary>
/// The first answer to each (account, client order id), for the most recent ones (a ring of fixed size: the
/// oldest is forgotten first). A repeated submission gets that answer back instead of a second order.
/// </summary>
internal sealed class ClientOrderIds(int capacity)
{
    private readonly PairMap _index = new(capacity);
    private readonly long[] _accounts = new long[capacity];
    private readonly long[] _clientIds = new long[capacity];
    private readonly long[] _orderIds = new long[capacity];
    private readonly Reason[] _reasons = new Reason[capacity];
    private int _next;
    private int _count;

    public bool TryGet(int account, long clientOrderId, out long orderId, out Reason reason)
    {
        if (_index.TryGet(account, clientOrderId, out var slot))
        {
            (orderId, reason) = (_orderIds[slot], _reasons[slot]);
            return true;
        }

        (orderId, reason) = (0, Reason.None);
        return false;
    }

    public void Remember(int account, long clientOrderId, long orderId, Reason reason)
    {
        if (_count == _accounts.Length)
        {
            _index.Remove(_accounts[_next], _clientIds[_next]);
        }
        else
        {
            _count++;
        }

        (_accounts[_next], _clientIds[_next], _orderIds[_next], _reasons[_next]) = (account, clientOrderId, orderId, reason);
        _index.Set(account, clientOrderId, _next);
        _next = (_next + 1) % _accounts.Length;
    }

    public int Capacity => _accounts.Length;

    public void Save(BinaryWriter writer)
    {
        SnapshotIo.Write(writer, _accounts, _count);
        SnapshotIo.Write(writer, _clientIds, _count);
        SnapshotIo.Write(writer, _orderIds, _count);
        SnapshotIo.Write(writer, _reasons, _count);
        writer.Write(_next);
    }

    /// <summary>Restores the ring into this (empty, same capacity) memory; the index is rebuilt from it.</summary>
    public void Load(BinaryReader reader)
    {
        var accounts = SnapshotIo.Read<long>(reader, out _count);
        var clientIds = SnapshotIo.Read<long>(reader, out _);
        var orderIds = SnapshotIo.Read<long>(reader, out _);
        var reasons = SnapshotIo.Read<Reason>(reader, out _);
        _next = reader.ReadInt32();
        accounts.AsSpan(0, _count).CopyTo(_accounts);
        clientIds.AsSpan(0, _count).CopyTo(_clientIds);
        orderIds.AsSpan(0, _count).CopyTo(_orderIds);
        reasons.AsSpan(0, _count).CopyTo(_reasons);
        for (var i = 0; i < _count; i++)
        {
            _index.Set(_accounts[i], _clientIds[i], i);
        }
    }
}
