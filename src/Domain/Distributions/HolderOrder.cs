using System.Buffers;
using System.Buffers.Binary;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>
/// Orders holders by address ascending, comparing the 40 hexadecimal digits case-insensitively (the same
/// order as an ordinal comparison of the lower-cased hex), and checks the positions on the way.
/// </summary>
/// <remarks>
/// Sorting a million strings is slow, so each address is keyed by its first 16 hex digits read as a
/// number (which orders exactly like the text); only addresses that share those digits are compared as text.
/// </remarks>
internal static class HolderOrder
{
    private const int PrefixLength = 2;
    private const int HexLength = 40;

    /// <summary>
    /// Fills <paramref name="order"/> with the indices of <paramref name="holders"/> in address order and
    /// <paramref name="fractions"/> with their fractions by input index, using <paramref name="keys"/> as
    /// scratch (all three as long as the list). Returns false, with the reasons in <paramref name="errors"/>,
    /// for a malformed address, a negative position or an address listed twice.
    /// </summary>
    public static bool TrySort(IReadOnlyList<HolderPosition> holders, Span<int> order, Span<ulong> keys, Span<long> fractions, FieldErrors errors)
    {
        if (!TryReadKeys(holders, order, keys, fractions, errors))
        {
            return false;
        }

        if (!IsAscending(keys))
        {
            BucketSort.Sort(keys, order);
        }

        return OrderSharedKeys(holders, order, keys, errors);
    }

    private static bool TryReadKeys(IReadOnlyList<HolderPosition> holders, Span<int> order, Span<ulong> keys, Span<long> fractions, FieldErrors errors)
    {
        var badAddress = -1;
        var negative = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            var holder = holders[i];
            order[i] = i;
            fractions[i] = holder.Fractions;
            if (!TryKey(holder.Address, out keys[i]) && badAddress < 0)
            {
                badAddress = i;
            }

            if (holder.Fractions < 0 && negative < 0)
            {
                negative = i;
            }
        }

        errors
            .When(badAddress >= 0, $"{nameof(DistributionInput.Holders)}[{badAddress}].{nameof(HolderPosition.Address)}", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")
            .When(negative >= 0, $"{nameof(DistributionInput.Holders)}[{negative}].{nameof(HolderPosition.Fractions)}", "A holder's fractions cannot be negative.");
        return badAddress < 0 && negative < 0;
    }

    /// <summary>Sorts each run of equal keys by the full address and reports an address listed twice.</summary>
    private static bool OrderSharedKeys(IReadOnlyList<HolderPosition> holders, Span<int> order, ReadOnlySpan<ulong> keys, FieldErrors errors)
    {
        var comparer = new AddressComparer(holders);
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                var run = order[start..end];
                run.Sort(comparer);
                for (var i = 1; i < run.Length; i++)
                {
                    if (comparer.Compare(run[i - 1], run[i]) == 0)
                    {
                        errors.Add(nameof(DistributionInput.Holders), $"The address {holders[run[i]].Address} is listed more than once.");
                        return false;
                    }
                }
            }

            start = end;
        }

        return true;
    }

    private static bool IsAscending(ReadOnlySpan<ulong> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks the address's format and reads its first 16 hex digits as a number.</summary>
    private static bool TryKey(string? address, out ulong key)
    {
        key = 0;
        if (address is not { Length: PrefixLength + HexLength } || address[0] != '0' || (address[1] | 0x20) != 'x')
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[HexLength / 2];
        if (Convert.FromHexString(address.AsSpan(PrefixLength), bytes, out _, out _) != OperationStatus.Done)
        {
            return false;
        }

        key = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        return true;
    }

    /// <summary>
    /// Compares holders' hex digits ignoring case: digits sort before letters in both cases, so this is
    /// the order of the lower-cased text.
    /// </summary>
    private sealed class AddressComparer(IReadOnlyList<HolderPosition> holders) : IComparer<int>
    {
        public int Compare(int x, int y) =>
            EthAddress.CompareDigits(holders[x].Address, holders[y].Address);
    }
}
