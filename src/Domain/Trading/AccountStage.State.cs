namespace TokenPlatform.Domain.Trading;

public sealed partial class AccountStage
{
    /// <summary>A digest of the stage's state (see <see cref="MatchingEngine.StateHash"/>).</summary>
    public ulong StateHash()
    {
        var h = 14695981039346656037UL;
        void Add(long v) => h = (h ^ (ulong)v) * 1099511628211UL;
        Add(_sequence);
        Add(_netDeposits);
        Add(_feeBps);
        Add(_feeCapBps);
        for (var a = 0; a < _known.Length; a++)
        {
            if (_known[a])
            {
                Add(a);
                Add(_available[a]);
            }
        }

        for (var s = 0; s < Shards; s++)
        {
            Add(_released[s]);
            Add(_releasedIndex[s]);
        }

        return h;
    }

    public void WriteSnapshot(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Shards);
        w.Write(_clientOrderIds.Capacity);
        w.Write(_sequence);
        w.Write(_netDeposits);
        w.Write(_feeBps);
        w.Write(_feeCapBps);
        SnapshotIo.Write(w, _available, _available.Length);
        SnapshotIo.Write(w, _known, _known.Length);
        SnapshotIo.Write(w, _released, _released.Length);
        SnapshotIo.Write(w, _releasedIndex, _releasedIndex.Length);
        _clientOrderIds.Save(w);
    }

    public static AccountStage ReadSnapshot(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var stage = new AccountStage(r.ReadInt32(), r.ReadInt32());
        (stage._sequence, stage._netDeposits, stage._feeBps, stage._feeCapBps) = (r.ReadInt64(), r.ReadInt64(), r.ReadInt32(), r.ReadInt32());
        stage._available = SnapshotIo.Read<long>(r, out _);
        stage._known = SnapshotIo.Read<bool>(r, out _);
        SnapshotIo.Read<long>(r, out _).AsSpan(0, stage.Shards).CopyTo(stage._released);
        SnapshotIo.Read<long>(r, out _).AsSpan(0, stage.Shards).CopyTo(stage._releasedIndex);
        stage._clientOrderIds.Load(r);
        return stage;
    }
}
