// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @title Trade encoding and batch Merkle tree
/// @notice One trade = one uint256, low bits first: buyer index (16) | seller index (16) | asset
/// index (8) | quantity (48) | price per fraction in stablecoin minor units (64) | fee bps (16).
/// Quantity < 2^48 and price < 2^64 keep a trade's notional below 2^112, so 2^16 trades' proceeds
/// always fit 128 bits. Leaves are double-hashed; the tree pairs neighbours with sorted-pair
/// hashing and moves an odd node up unchanged, so OpenZeppelin's MerkleProof verifies proofs
/// built off-chain by the same rule.
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

    uint256 internal constant MASK8 = (1 << 8) - 1;
    uint256 internal constant MASK16 = (1 << 16) - 1;
    uint256 internal constant MASK48 = (1 << 48) - 1;
    uint256 internal constant MASK64 = (1 << 64) - 1;
    uint256 internal constant USED_BITS = 168;

    function decode(uint256 packed) internal pure returns (Trade memory t) {
        if (packed >> USED_BITS != 0) revert UnusedBitsSet(packed);
        t.buyer = packed & MASK16;
        t.seller = (packed >> 16) & MASK16;
        t.asset = (packed >> 32) & MASK8;
        t.quantity = (packed >> 40) & MASK48;
        t.price = (packed >> 88) & MASK64;
        t.feeBps = packed >> 152;
    }

    function encode(uint256 buyer, uint256 seller, uint256 asset, uint256 quantity, uint256 price, uint256 feeBps)
        internal
        pure
        returns (uint256)
    {
        if (buyer > MASK16 || seller > MASK16) revert FieldTooLarge("account index");
        if (asset > MASK8) revert FieldTooLarge("asset index");
        if (quantity > MASK48) revert FieldTooLarge("quantity");
        if (price > MASK64) revert FieldTooLarge("price");
        if (feeBps > MASK16) revert FieldTooLarge("fee");
        return buyer | (seller << 16) | (asset << 32) | (quantity << 40) | (price << 88) | (feeBps << 152);
    }

    /// @dev keccak256(bytes.concat(keccak256(abi.encode(...)))) computed in scratch memory above
    /// the free memory pointer, which is not advanced: hashing many leaves does not grow memory.
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

    /// @dev Reduces `nodes` in place level by level; returns bytes32(0) for an empty list.
    /// Branch-free sorted-pair hashing: the smaller node is written to scratch word 0x00 and the
    /// larger to 0x20 (ties hash identically either way), as Hashes.commutativeKeccak256 does.
    function root(bytes32[] memory nodes) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            let base := add(nodes, 0x20)
            let end := add(base, shl(5, mload(nodes)))
            for {} gt(sub(end, base), 0x20) {} {
                let src := base
                let dst := base
                for {} lt(add(src, 0x20), end) {
                    src := add(src, 0x40)
                    dst := add(dst, 0x20)
                } {
                    let a := mload(src)
                    let b := mload(add(src, 0x20))
                    let aLarger := gt(a, b)
                    mstore(shl(5, aLarger), a)
                    mstore(shl(5, iszero(aLarger)), b)
                    mstore(dst, keccak256(0x00, 0x40))
                }
                if lt(src, end) {
                    mstore(dst, mload(src))
                    dst := add(dst, 0x20)
                }
                end := dst
            }
            if gt(end, base) { result := mload(base) }
        }
    }

    /// @dev Reference (non-assembly) version of {root}, used by tests to cross-check it.
    function rootReference(bytes32[] memory nodes) internal pure returns (bytes32) {
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
