namespace TokenPlatform.Domain.Trading;

public sealed partial class MatchingEngine
{
    private const int SnapshotVersion = 2;

    /// <summary>
    /// Everything the engine holds, pools and free lists included, so an engine read back from it behaves exactly as
    /// this one from here on (same next order ids, same events, same <see cref="StateHash"/>): restart = the last
    /// snapshot + the journal after <see cref="LastSequence"/>. Call it on the engine's thread, between commands.
    /// </summary>
    public void WriteSnapshot(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(SnapshotVersion);
        w.Write(_clientOrderIds.Capacity);
        w.Write(_releasesCash);
        w.Write(_now);
        w.Write(_sequence);
        w.Write(_tradeCount);
        w.Write(FeesCollected);
        w.Write(_feeBps);
        w.Write(_feeCapBps);
        var accounts = _known.Length;
        SnapshotIo.Write(w, _cashAvailable, accounts);
        SnapshotIo.Write(w, _cashReserved, accounts);
        SnapshotIo.Write(w, _verifiedUntil, accounts);
        SnapshotIo.Write(w, _frozen, accounts);
        SnapshotIo.Write(w, _known, accounts);
        SnapshotIo.Write(w, _accountOrders, accounts);
        SnapshotIo.Write(w, _fractionsAvailable, _positionCount);
        SnapshotIo.Write(w, _fractionsReserved, _positionCount);
        SnapshotIo.Write(w, _openBuys, _positionCount);
        SnapshotIo.Write(w, _positionAsset, _positionCount);
        SnapshotIo.Write(w, _positionAccount, _positionCount);
        w.Write(_assets.Length);
        foreach (ref readonly var m in _assets.AsSpan())
        {
            w.Write(m.Listed);
            if (!m.Listed)
            {
                continue;
            }

            w.Write((byte)m.Status);
            foreach (var value in (ReadOnlySpan<long>)[m.Tick, m.Reference, m.LastPrice, m.MaxHolding, m.LockUpUntil, m.BreakerWindowMs, m.AnchorPrice, m.AnchorTime, m.RoyaltiesCollected])
            {
                w.Write(value);
            }

            w.Write(m.BandBps);
            w.Write(m.RoyaltyBps);
            w.Write(m.BreakerBps);
            m.Bids.Save(w);
            m.Asks.Save(w);
        }

        _orders.Save(w);
        _levels.Save(w);
        _expiries.Save(w);
        _clientOrderIds.Save(w);
    }

    /// <summary>An engine exactly as <see cref="WriteSnapshot"/> left it.</summary>
    public static MatchingEngine ReadSnapshot(Stream stream, int orderCapacity = 1 << 16)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != SnapshotVersion)
        {
            throw new InvalidDataException("The snapshot was written by another version of the engine.");
        }

        var engine = new MatchingEngine(orderCapacity, r.ReadInt32(), releasesCash: r.ReadBoolean());
        (engine._now, engine._sequence, engine._tradeCount, engine.FeesCollected) = (r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
        (engine._feeBps, engine._feeCapBps) = (r.ReadInt32(), r.ReadInt32());
        engine._cashAvailable = SnapshotIo.Read<long>(r, out _);
        engine._cashReserved = SnapshotIo.Read<long>(r, out _);
        engine._verifiedUntil = SnapshotIo.Read<long>(r, out _);
        engine._frozen = SnapshotIo.Read<bool>(r, out _);
        engine._known = SnapshotIo.Read<bool>(r, out _);
        engine._accountOrders = SnapshotIo.Read<int>(r, out _);
        engine._releasePending = new bool[engine._known.Length];
        engine._fractionsAvailable = SnapshotIo.Read<long>(r, out engine._positionCount, 1024);
        engine._fractionsReserved = SnapshotIo.Read<long>(r, out _, engine._fractionsAvailable.Length);
        engine._openBuys = SnapshotIo.Read<long>(r, out _, engine._fractionsAvailable.Length);
        engine._positionAsset = SnapshotIo.Read<int>(r, out _, engine._fractionsAvailable.Length);
        engine._positionAccount = SnapshotIo.Read<int>(r, out _, engine._fractionsAvailable.Length);
        for (var p = 0; p < engine._positionCount; p++)
        {
            engine._positionIndex.Set(engine._positionAsset[p], engine._positionAccount[p], p);
        }

        engine._assets = new AssetMarket[r.ReadInt32()];
        for (var asset = 0; asset < engine._assets.Length; asset++)
        {
            if (!r.ReadBoolean())
            {
                continue;
            }

            ref var m = ref engine._assets[asset];
            (m.Listed, m.Status) = (true, (MarketStatus)r.ReadByte());
            (m.Tick, m.Reference, m.LastPrice, m.MaxHolding, m.LockUpUntil) = (r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            (m.BreakerWindowMs, m.AnchorPrice, m.AnchorTime, m.RoyaltiesCollected) = (r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            (m.BandBps, m.RoyaltyBps, m.BreakerBps) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            (m.Bids, m.Asks) = (new BookSide(bids: true), new BookSide(bids: false));
            m.Bids.Load(r);
            m.Asks.Load(r);
        }

        engine._orders.Load(r);
        engine._levels.Load(r);
        engine._expiries.Load(r);
        engine._clientOrderIds.Load(r);
        return engine;
    }
}
