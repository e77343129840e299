using System.Runtime.InteropServices;

namespace TokenPlatform.Domain.Trading;

/// <summary>Arrays of plain structs written and read as their bytes (the snapshot is read back by the same build on the same kind of machine).</summary>
internal static class SnapshotIo
{
    public static void Write<T>(BinaryWriter writer, T[] array, int count) where T : unmanaged
    {
        writer.Write(count);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan(0, count)));
    }

    /// <summary>Reads an array written by <see cref="Write{T}"/> (its <paramref name="count"/> items), at least <paramref name="minimumLength"/> long.</summary>
    public static T[] Read<T>(BinaryReader reader, out int count, int minimumLength = 0) where T : unmanaged
    {
        count = reader.ReadInt32();
        var array = new T[Math.Max(count, minimumLength)];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan(0, count)));
        return array;
    }
}
