using System.Buffers.Binary;

namespace TokenPlatform.Domain.Trading;

/// <summary>
/// The journal's form of a command: a type byte, a flags byte, then the fields that type uses as
/// variable-length integers (zig-zag for the signed ones), the timestamp as a delta from the batch's
/// base time and the sequence implied by the command's place in its batch. A typical order is 12-20 bytes.
/// </summary>
public static class CommandCodec
{
    /// <summary>The most bytes one command can take.</summary>
    public const int MaxSize = 2 + (14 * 10);

    public static int Write(in EngineCommand c, long baseTimestamp, Span<byte> buffer)
    {
        var n = 0;
        buffer[n++] = (byte)c.Type;
        buffer[n++] = (byte)((byte)c.Side | ((byte)c.Kind << 2) | ((byte)c.TimeInForce << 4) | ((byte)c.SelfTrade << 7));
        n += WriteVar(Zig(c.Timestamp - baseTimestamp), buffer[n..]);
        n += WriteVar(Zig(c.Account), buffer[n..]);
        n += WriteVar(Zig(c.Asset), buffer[n..]);
        n += WriteVar(Zig(c.Source), buffer[n..]);
        switch (c.Type)
        {
            case CommandType.Place:
                n += WriteVar(Zig(c.Price), buffer[n..]);
                n += WriteVar(Zig(c.Quantity), buffer[n..]);
                n += WriteVar(Zig(c.ClientOrderId), buffer[n..]);
                n += WriteVar(Zig(c.ExpiresAt), buffer[n..]);
                n += WriteVar(Zig(c.Value), buffer[n..]);
                buffer[n++] = c.PostOnly ? (byte)1 : (byte)0;
                break;
            case CommandType.Cancel:
                n += WriteVar(Zig(c.OrderId), buffer[n..]);
                break;
            case CommandType.Amend:
                n += WriteVar(Zig(c.OrderId), buffer[n..]);
                n += WriteVar(Zig(c.Price), buffer[n..]);
                n += WriteVar(Zig(c.Quantity), buffer[n..]);
                n += WriteVar(Zig(c.Value), buffer[n..]);
                break;
            case CommandType.CancelAll:
            case CommandType.Tick:
                break;
            default:
                // Rare administrative commands carry every field.
                n += WriteVar(Zig(c.OrderId), buffer[n..]);
                n += WriteVar(Zig(c.ClientOrderId), buffer[n..]);
                n += WriteVar(Zig(c.Price), buffer[n..]);
                n += WriteVar(Zig(c.Quantity), buffer[n..]);
                n += WriteVar(Zig(c.ExpiresAt), buffer[n..]);
                n += WriteVar(Zig(c.Value), buffer[n..]);
                n += WriteVar(Zig(c.Value2), buffer[n..]);
                n += WriteVar(Zig(c.Bps), buffer[n..]);
                n += WriteVar(Zig(c.Bps2), buffer[n..]);
                buffer[n++] = c.PostOnly ? (byte)1 : (byte)0;
                break;
        }

        return n;
    }

    /// <summary>Reads one command written by <see cref="Write"/>; returns the bytes it took.</summary>
    public static int Read(ReadOnlySpan<byte> buffer, long baseTimestamp, long sequence, out EngineCommand c)
    {
        c = default;
        var n = 0;
        c.Type = (CommandType)buffer[n++];
        var flags = buffer[n++];
        (c.Side, c.Kind, c.TimeInForce, c.SelfTrade) = ((Side)(flags & 3), (OrderKind)((flags >> 2) & 3), (TimeInForce)((flags >> 4) & 7), (SelfTradePrevention)(flags >> 7));
        c.Sequence = sequence;
        c.Timestamp = baseTimestamp + Unzig(ReadVar(buffer, ref n));
        c.Account = (int)Unzig(ReadVar(buffer, ref n));
        c.Asset = (int)Unzig(ReadVar(buffer, ref n));
        c.Source = Unzig(ReadVar(buffer, ref n));
        switch (c.Type)
        {
            case CommandType.Place:
                c.Price = Unzig(ReadVar(buffer, ref n));
                c.Quantity = Unzig(ReadVar(buffer, ref n));
                c.ClientOrderId = Unzig(ReadVar(buffer, ref n));
                c.ExpiresAt = Unzig(ReadVar(buffer, ref n));
                c.Value = Unzig(ReadVar(buffer, ref n));
                c.PostOnly = buffer[n++] != 0;
                break;
            case CommandType.Cancel:
                c.OrderId = Unzig(ReadVar(buffer, ref n));
                break;
            case CommandType.Amend:
                c.OrderId = Unzig(ReadVar(buffer, ref n));
                c.Price = Unzig(ReadVar(buffer, ref n));
                c.Quantity = Unzig(ReadVar(buffer, ref n));
                c.Value = Unzig(ReadVar(buffer, ref n));
                break;
            case CommandType.CancelAll:
            case CommandType.Tick:
                break;
            default:
                c.OrderId = Unzig(ReadVar(buffer, ref n));
                c.ClientOrderId = Unzig(ReadVar(buffer, ref n));
                c.Price = Unzig(ReadVar(buffer, ref n));
                c.Quantity = Unzig(ReadVar(buffer, ref n));
                c.ExpiresAt = Unzig(ReadVar(buffer, ref n));
                c.Value = Unzig(ReadVar(buffer, ref n));
                c.Value2 = Unzig(ReadVar(buffer, ref n));
                c.Bps = (int)Unzig(ReadVar(buffer, ref n));
                c.Bps2 = (int)Unzig(ReadVar(buffer, ref n));
                c.PostOnly = buffer[n++] != 0;
                break;
        }

        return n;
    }

    /// <summary>A 64-bit FNV-1a checksum of a batch's bytes (the journal stores it beside them).</summary>
    public static long Checksum(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * 1099511628211UL;
        }

        for (; i < bytes.Length; i++)
        {
            h = (h ^ bytes[i]) * 1099511628211UL;
        }

        return (long)h;
    }

    private static ulong Zig(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long Unzig(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static int WriteVar(ulong value, Span<byte> buffer)
    {
        var n = 0;
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[n++] = (byte)value;
        return n;
    }

    private static ulong ReadVar(ReadOnlySpan<byte> buffer, ref int n)
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = buffer[n++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A journaled number is longer than 64 bits: the batch is corrupt.");
    }
}
