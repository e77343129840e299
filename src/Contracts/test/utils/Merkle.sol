// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @dev Off-chain-style tree builders for tests: the settlement's pairwise tree (odd node moves
/// up) and the distributor's OpenZeppelin heap-layout tree with single and multi proofs.
library Merkle {
    /// @dev Inclusion proof of leaf `index` in the pairwise tree TradeMerkle.root builds.
    function pairwiseProof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory proof) {
        bytes32[] memory level = leaves;
        bytes32[] memory buffer = new bytes32[](64);
        uint256 count;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) buffer[count++] = level[sibling];
            bytes32[] memory next = new bytes32[]((level.length + 1) / 2);
            for (uint256 i = 0; i < level.length; i += 2) {
                next[i / 2] = i + 1 < level.length ? Hashes.commutativeKeccak256(level[i], level[i + 1]) : level[i];
            }
            level = next;
            index /= 2;
        }
        proof = new bytes32[](count);
        for (uint256 i = 0; i < count; ++i) proof[i] = buffer[i];
    }

    /// @dev OpenZeppelin StandardMerkleTree layout (unsorted leaves): tree[0] is the root and
    /// leaf i sits at tree[length - 1 - i].
    function heapTree(bytes32[] memory leaves) internal pure returns (bytes32[] memory tree) {
        uint256 n = leaves.length;
        tree = new bytes32[](2 * n - 1);
        for (uint256 i = 0; i < n; ++i) tree[tree.length - 1 - i] = leaves[i];
        for (uint256 k = tree.length - n; k > 0; --k) {
            uint256 i = k - 1;
            tree[i] = Hashes.commutativeKeccak256(tree[2 * i + 1], tree[2 * i + 2]);
        }
    }

    function heapProof(bytes32[] memory tree, uint256 leafIndex) internal pure returns (bytes32[] memory proof) {
        uint256 index = tree.length - 1 - leafIndex;
        bytes32[] memory buffer = new bytes32[](64);
        uint256 count;
        while (index > 0) {
            buffer[count++] = tree[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
        proof = new bytes32[](count);
        for (uint256 i = 0; i < count; ++i) proof[i] = buffer[i];
    }

    /// @dev Multiproof for leaves `leafIndices` (any order). Returns the leaf indices in the order
    /// the proof consumes them (descending tree position), as OpenZeppelin's getMultiProof does.
    function heapMultiProof(bytes32[] memory tree, uint256[] memory leafIndices)
        internal
        pure
        returns (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags)
    {
        uint256 k = leafIndices.length;
        uint256[] memory positions = new uint256[](k);
        for (uint256 i = 0; i < k; ++i) positions[i] = tree.length - 1 - leafIndices[i];
        _sortDescending(positions);
        ordered = new uint256[](k);
        for (uint256 i = 0; i < k; ++i) ordered[i] = tree.length - 1 - positions[i];

        // Queue of tree positions; grows by one parent per step (at most tree.length steps).
        uint256[] memory queue = new uint256[](k + tree.length);
        uint256 head;
        uint256 tail;
        for (uint256 i = 0; i < k; ++i) queue[tail++] = positions[i];
        bytes32[] memory proofBuffer = new bytes32[](tree.length);
        bool[] memory flagBuffer = new bool[](tree.length);
        uint256 proofCount;
        uint256 flagCount;
        while (head < tail && queue[head] > 0) {
            uint256 j = queue[head++];
            uint256 s = j % 2 == 1 ? j + 1 : j - 1;
            if (head < tail && queue[head] == s) {
                flagBuffer[flagCount++] = true;
                ++head;
            } else {
                flagBuffer[flagCount++] = false;
                proofBuffer[proofCount++] = tree[s];
            }
            queue[tail++] = (j - 1) / 2;
        }
        proof = new bytes32[](proofCount);
        for (uint256 i = 0; i < proofCount; ++i) proof[i] = proofBuffer[i];
        flags = new bool[](flagCount);
        for (uint256 i = 0; i < flagCount; ++i) flags[i] = flagBuffer[i];
    }

    function _sortDescending(uint256[] memory a) private pure {
        for (uint256 i = 1; i < a.length; ++i) {
            uint256 v = a[i];
            uint256 j = i;
            while (j > 0 && a[j - 1] < v) {
                a[j] = a[j - 1];
                --j;
            }
            a[j] = v;
        }
    }
}
