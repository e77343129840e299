using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using TokenPlatform.Infrastructure.Chain.Merkle;

namespace TokenPlatform.Infrastructure.Tests.Chain.Vectors;

/// <summary>
/// The C# tree against @openzeppelin/merkle-tree (tests/vectors/merkle.json): leaf hashes, roots, proofs
/// and multiproofs of trees of 1, 2, 3, 7 and 100 distributor leaves must be the reference's, byte for byte.
/// The distributor verifies what the platform builds with OpenZeppelin's MerkleProof, and holders and
/// anyone checking a payout rebuild proofs with OpenZeppelin's library, so "verifies" is not enough:
/// the same inputs must give the same proof.
/// </summary>
public sealed class StandardMerkleTreeVectorTests
{
    public static TheoryData<string> Trees => [.. ReferenceVectors.Merkle.Trees.Select(t => t.Name)];

    [Fact]
    public void Fixture_CoversTheDistributorLeafAndEveryTreeSize()
    {
        var fixture = ReferenceVectors.Merkle;

        Assert.Equal(["uint256", "uint256", "address", "uint256"], fixture.LeafEncoding);
        Assert.Equal([1, 2, 3, 7, 100], fixture.Trees.Select(t => t.Values.Count));
        Assert.All(fixture.Trees, t => Assert.NotEmpty(t.MultiProofs));
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void Leaf_OfEveryValue_IsTheReferenceLeafHash(string name)
    {
        var tree = ReferenceVectors.Merkle.Tree(name);

        Assert.Equal(tree.LeafHashes, tree.Values.Select(v => Leaf(v).ToHex(true)));
        // The account's letter case does not change the encoding (stored addresses are checksummed, input may not be).
        Assert.Equal(tree.LeafHashes, tree.Values.Select(v => Leaf(v with { Account = v.Account.ToLowerInvariant() }).ToHex(true)));
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void Root_IsTheReferenceRoot_WhateverTheLeafOrder(string name)
    {
        var vector = ReferenceVectors.Merkle.Tree(name);
        var leaves = vector.Values.Select(Leaf).ToList();

        Assert.Equal(vector.Root, new StandardMerkleTree(leaves).Root.ToHex(true));
        Assert.Equal(vector.Root, new StandardMerkleTree(Enumerable.Reverse(leaves).ToList()).Root.ToHex(true));
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void Proof_OfEachLeaf_IsTheReferenceProof(string name)
    {
        var vector = ReferenceVectors.Merkle.Tree(name);
        var tree = Build(vector);

        Assert.All(vector.Proofs, expected =>
        {
            var leaf = vector.LeafHashes[expected.Value].HexToByteArray();
            var proof = tree.Proof(leaf);
            Assert.Equal(expected.Proof, proof.Select(p => p.ToHex(true)));
            Assert.Equal(vector.Root, StandardMerkleTree.ProcessProof(leaf, proof).ToHex(true));
        });
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void MultiProof_IsTheReferenceMultiProof_LeavesInTheReferenceOrder(string name)
    {
        var vector = ReferenceVectors.Merkle.Tree(name);
        var tree = Build(vector);

        Assert.All(vector.MultiProofs, expected =>
        {
            var requested = expected.Request.Select(i => vector.LeafHashes[i].HexToByteArray()).ToList();
            // The order the leaves are asked in does not matter (the distribution store passes a dictionary's keys).
            foreach (var request in new[] { requested, Enumerable.Reverse(requested).ToList() })
            {
                var (leaves, proof, flags) = tree.MultiProof(request);
                Assert.Equal(expected.LeafHashes, leaves.Select(l => l.ToHex(true)));
                Assert.Equal(expected.Proof, proof.Select(p => p.ToHex(true)));
                Assert.Equal(expected.ProofFlags, flags);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void MultiProof_VerifiesWithOpenZeppelinsAlgorithm(string name)
    {
        var vector = ReferenceVectors.Merkle.Tree(name);
        var tree = Build(vector);

        Assert.All(vector.MultiProofs, expected =>
        {
            var (leaves, proof, flags) = tree.MultiProof(expected.Request.Select(i => vector.LeafHashes[i].HexToByteArray()).ToList());
            Assert.Equal(vector.Root, ProcessMultiProof(leaves, proof, flags).ToHex(true));
        });
    }

    private static StandardMerkleTree Build(TreeVector vector) => new(vector.Values.Select(Leaf).ToList());

    private static byte[] Leaf(LeafValue v) => StandardMerkleTree.Leaf(long.Parse(v.AssetId, System.Globalization.CultureInfo.InvariantCulture), v.Index, v.Account,
        long.Parse(v.Cumulative, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// MerkleProof.processMultiProof (OpenZeppelin 5), written here independently of the tree: leaves and
    /// computed nodes form a queue; each flag hashes the next queued node with either the next queued node
    /// (true) or the next proof element (false). Refuses a proof the contract would refuse.
    /// </summary>
    private static byte[] ProcessMultiProof(IReadOnlyList<byte[]> leaves, IReadOnlyList<byte[]> proof, IReadOnlyList<bool> flags)
    {
        Assert.Equal(leaves.Count + proof.Count, flags.Count + 1);
        Assert.True(proof.Count >= flags.Count(f => !f), "more flags read the proof than it has elements");
        var queue = new Queue<byte[]>(leaves);
        var proofPosition = 0;
        foreach (var flag in flags)
        {
            var a = queue.Dequeue();
            var b = flag ? queue.Dequeue() : proof[proofPosition++];
            queue.Enqueue(SortedPairHash(a, b));
        }

        if (flags.Count > 0)
        {
            Assert.Equal(proof.Count, proofPosition);
            return queue.Last();
        }

        return leaves.Count > 0 ? leaves[0] : proof[0];
    }

    private static byte[] SortedPairHash(byte[] a, byte[] b) =>
        a.AsSpan().SequenceCompareTo(b) <= 0 ? Sha3Keccack.Current.CalculateHash([.. a, .. b]) : Sha3Keccack.Current.CalculateHash([.. b, .. a]);
}
