// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @title Trade encoding and batch Merkle tree
/// @notice One trade = one uint256 (see {ISettlement}); leaves are double-hashed and the tree pairs
/// neighbours with sorted-pair hashing, an odd node moving up unchanged, so OpenZeppelin's
/// MerkleProof verifies inclusion proofs built off-chain by the same rule.
library TradeMerkle {
    struct Trade {
        uint256 buyer;
        uint256 seller;
        uint256 asset;
        uint256 quantity;
        uint256 price;
        uint256 feeBps;
    }

    error UnusedBitsSet(uint256 packed);
    error FieldTooLarge(string field);

    uint256 private constant _MASK16 = (1 << 16) - 1;
    uint256 private constant _MASK8 = (1 << 8) - 1;
    uint256 private constant _MASK64 = (1 << 64) - 1;
    uint256 private constant _MASK96 = (1 << 96) - 1;

    function decode(uint256 packed) internal pure returns (Trade memory t) {
        if (packed >> 216 != 0) revert UnusedBitsSet(packed);
        t.buyer = packed & _MASK16;
        t.seller = (packed >> 16) & _MASK16;
        t.asset = (packed >> 32) & _MASK8;
        t.quantity = (packed >> 40) & _MASK64;
        t.price = (packed >> 104) & _MASK96;
        t.feeBps = packed >> 200;
    }

    function encode(uint256 buyer, uint256 seller, uint256 asset, uint256 quantity, uint256 price, uint256 feeBps)
        internal
        pure
        returns (uint256)
    {
        if (buyer > _MASK16 || seller > _MASK16) revert FieldTooLarge("account index");
        if (asset > _MASK8) revert FieldTooLarge("asset index");
        if (quantity > _MASK64) revert FieldTooLarge("quantity");
        if (price > _MASK96) revert FieldTooLarge("price");
        if (feeBps > _MASK16) revert FieldTooLarge("fee");
        return buyer | (seller << 16) | (asset << 32) | (quantity << 40) | (price << 104) | (feeBps << 200);
    }

    /// @dev keccak256(bytes.concat(keccak256(abi.encode(...)))) computed in scratch memory, so
    /// hashing 10,000 leaves does not grow memory.
    function leaf(uint256 batchId, address buyer, address seller, uint256 assetId, uint256 quantity, uint256 price, uint256 feeBps)
        internal
        pure
        returns (bytes32 result)
    {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, batchId)
            mstore(add(ptr, 0x20), buyer)
            mstore(add(ptr, 0x40), seller)
            mstore(add(ptr, 0x60), assetId)
            mstore(add(ptr, 0x80), quantity)
            mstore(add(ptr, 0xa0), price)
            mstore(add(ptr, 0xc0), feeBps)
            mstore(0x00, keccak256(ptr, 0xe0))
            result := keccak256(0x00, 0x20)
        }
    }

    /// @dev Overwrites `nodes` while reducing it; returns bytes32(0) for an empty list.
    function root(bytes32[] memory nodes) internal pure returns (bytes32) {
        uint256 length = nodes.length;
        if (length == 0) return bytes32(0);
        while (length > 1) {
            uint256 next = 0;
            for (uint256 i = 0; i < length; i += 2) {
                nodes[next++] = i + 1 < length ? Hashes.commutativeKeccak256(nodes[i], nodes[i + 1]) : nodes[i];
            }
            length = next;
        }
        return nodes[0];
    }
}
