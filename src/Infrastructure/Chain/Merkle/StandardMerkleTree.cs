using System.Numerics;
using Nethereum.ABI;
using Nethereum.Util;

namespace TokenPlatform.Infrastructure.Chain.Merkle;

/// <summary>
/// The OpenZeppelin StandardMerkleTree layout, which HolderDistributor verifies: leaves are
/// keccak256(bytes.concat(keccak256(abi.encode(values)))), sorted, stored in a complete binary tree
/// in an array (leaves at the end), parents hash their children as a sorted pair. Proofs and
/// multiproofs follow OpenZeppelin's algorithms, so MerkleProof.verify / multiProofVerify accept them.
/// </summary>
public sealed class StandardMerkleTree
{
    private readonly byte[][] _tree;
    private readonly Dictionary<string, int> _leafPosition;

    public StandardMerkleTree(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            throw new ArgumentException("A Merkle tree needs at least one leaf.", nameof(leaves));
        }

        var sorted = leaves.OrderBy(l => l, ByteComparer.Instance).ToArray();
        _tree = new byte[2 * sorted.Length - 1][];
        _leafPosition = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            var position = _tree.Length - 1 - i;
            _tree[position] = sorted[i];
            if (!_leafPosition.TryAdd(Convert.ToHexString(sorted[i]), position))
            {
                throw new ArgumentException("Duplicate leaf.", nameof(leaves));
            }
        }

        for (var i = _tree.Length - 1 - sorted.Length; i >= 0; i--)
        {
            _tree[i] = HashPair(_tree[2 * i + 1], _tree[2 * i + 2]);
        }
    }

    public byte[] Root => _tree[0];

    /// <summary>The distributor's leaf: (asset id, holder index, account, cumulative amount), double-hashed.</summary>
    public static byte[] Leaf(long assetId, int index, string account, long cumulative)
    {
        var encoded = new ABIEncode().GetABIEncoded(
            new ABIValue("uint256", new BigInteger(assetId)),
            new ABIValue("uint256", new BigInteger(index)),
            new ABIValue("address", account),
            new ABIValue("uint256", new BigInteger(cumulative)));
        return Keccak(Keccak(encoded));
    }

    public IReadOnlyList<byte[]> Proof(byte[] leaf)
    {
        var position = PositionOf(leaf);
        var proof = new List<byte[]>();
        while (position > 0)
        {
            proof.Add(_tree[Sibling(position)]);
            position = (position - 1) / 2;
        }

        return proof;
    }

    /// <summary>A multiproof for several leaves; <c>Leaves</c> is the order the verifier consumes them in.</summary>
    public (IReadOnlyList<byte[]> Leaves, IReadOnlyList<byte[]> Proof, IReadOnlyList<bool> Flags) MultiProof(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var positions = leaves.Select(PositionOf).Distinct().OrderDescending().ToList();
        var queue = new LinkedList<int>(positions);
        var proof = new List<byte[]>();
        var flags = new List<bool>();
        while (queue.Count > 0 && queue.First!.Value > 0)
        {
            var j = queue.First.Value;
            queue.RemoveFirst();
            var sibling = Sibling(j);
            if (queue.Count > 0 && queue.First!.Value == sibling)
            {
                flags.Add(true);
                queue.RemoveFirst();
            }
            else
            {
                flags.Add(false);
                proof.Add(_tree[sibling]);
            }

            queue.AddLast((j - 1) / 2);
        }

        if (positions.Count == 0)
        {
            proof.Add(_tree[0]);
        }

        return (positions.Select(p => _tree[p]).ToList(), proof, flags);
    }

    /// <summary>Recomputes a root from a leaf and its proof (what MerkleProof.verify does).</summary>
    public static byte[] ProcessProof(byte[] leaf, IEnumerable<byte[]> proof) => proof.Aggregate(leaf, HashPair);

    private int PositionOf(byte[] leaf) =>
        _leafPosition.TryGetValue(Convert.ToHexString(leaf), out var position) ? position : throw new ArgumentException("The leaf is not in the tree.", nameof(leaf));

    private static int Sibling(int position) => position % 2 == 1 ? position + 1 : position - 1;

    private static byte[] HashPair(byte[] a, byte[] b) =>
        ByteComparer.Instance.Compare(a, b) <= 0 ? Keccak([.. a, .. b]) : Keccak([.. b, .. a]);

    private static byte[] Keccak(byte[] data) => Sha3Keccack.Current.CalculateHash(data);

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
