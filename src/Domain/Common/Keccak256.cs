using System.Buffers.Binary;
using System.Numerics;

namespace TokenPlatform.Domain.Common;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not SHA3-256's (0x06), so
/// <c>System.Security.Cryptography.SHA3_256</c> gives different digests. Written for EIP-55
/// checksums (short inputs, one call, no streaming); the Domain references no crypto package.
/// </summary>
internal static class Keccak256
{
    /// <summary>Bytes absorbed per permutation: (1600 - 2 x 256) / 8.</summary>
    private const int Rate = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    /// <summary>The rho rotations, in the order the pi step visits the lanes.</summary>
    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    /// <summary>The pi step's lane order, starting from lane 1.</summary>
    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        // Padding always adds at least one byte, so a message filling a block whole gets a block of padding.
        var padded = new byte[((data.Length / Rate) + 1) * Rate];
        data.CopyTo(padded);
        padded[data.Length] ^= 0x01;
        padded[^1] ^= 0x80;

        Span<ulong> state = stackalloc ulong[25];
        for (var offset = 0; offset < padded.Length; offset += Rate)
        {
            for (var lane = 0; lane < Rate / 8; lane++)
            {
                state[lane] ^= BinaryPrimitives.ReadUInt64LittleEndian(padded.AsSpan(offset + (lane * 8), 8));
            }

            Permute(state);
        }

        var digest = new byte[32];
        for (var lane = 0; lane < 4; lane++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest.AsSpan(lane * 8, 8), state[lane]);
        }

        return digest;
    }

    /// <summary>Keccak-f[1600]: 24 rounds of theta, rho and pi, chi, iota over 5 x 5 lanes.</summary>
    private static void Permute(Span<ulong> state)
    {
        Span<ulong> column = stackalloc ulong[5];
        foreach (var roundConstant in RoundConstants)
        {
            for (var x = 0; x < 5; x++)
            {
                column[x] = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var theta = column[(x + 4) % 5] ^ BitOperations.RotateLeft(column[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    state[y + x] ^= theta;
                }
            }

            var carried = state[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                (state[lane], carried) = (BitOperations.RotateLeft(carried, Rotations[i]), state[lane]);
            }

            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    column[x] = state[y + x];
                }

                for (var x = 0; x < 5; x++)
                {
                    state[y + x] ^= ~column[(x + 1) % 5] & column[(x + 2) % 5];
                }
            }

            state[0] ^= roundConstant;
        }
    }
}
