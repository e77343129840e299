// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title TradeNetting
/// @notice The per-trade kernel of {Settlement-settleBatch}: validates each packed trade and nets it
/// into the batch's debits, positions and royalties in memory, writing one Merkle leaf per trade.
/// Pure: it reads calldata and memory only; the settlement contract applies the result to storage.
library TradeNetting {
    /// @dev A batch's netting state, in memory: what each account pays (price plus fee), each
    /// (asset, account) position's packed change `(fractionDelta << 128) + proceedsCredit` as a
    /// row-per-asset matrix, royalties per asset, and one Merkle leaf per trade.
    struct Netting {
        uint16[] royaltyBps;
        uint256[] debits;
        int256[] positions;
        uint256[] royalties;
        bytes32[] leaves;
        uint256 notional;
        uint256 fees;
        uint256 accountCount;
        uint256 assetCount;
        uint256 feeCap;
        uint256 batchId;
        uint256 accountsOffset;
        uint256 assetIdsOffset;
    }

    /// @dev Validates every trade and adds it to the batch's net debits, positions and royalties,
    /// writing its Merkle leaf (same hash as {TradeMerkle.leaf}). Written in Yul: it runs once per
    /// trade. Returns 0, or a failure code | (trade index << 8) (codes: see {Settlement-_revertTrade}).
    /// Overflow: notional < 2^112 (48-bit quantity x 64-bit price); with at most 2^16 trades every
    /// sum stays under 2^128 and each packed position entry under 2^255.
    function accumulate(Netting memory net, uint256 tradesOffset, uint256 tradeCount) internal pure returns (uint256 failure) {
        assembly ("memory-safe") {
            // Netting layout (words): royaltyBps, debits, positions, royalties, leaves, notional, fees,
            // accountCount, assetCount, feeCap, batchId, accountsOffset, assetIdsOffset.
            for { let i := 0 } lt(i, tradeCount) { i := add(i, 1) } {
                let packed := calldataload(add(tradesOffset, shl(5, i)))
                let buyer := and(packed, 0xffff)
                let seller := and(shr(16, packed), 0xffff)
                let asset := and(shr(32, packed), 0xff)
                {
                    let code := 0
                    let n := mload(add(net, 0xe0))
                    if shr(168, packed) { code := 1 }
                    if iszero(code) {
                        if or(or(iszero(lt(buyer, n)), iszero(lt(seller, n))), iszero(lt(asset, mload(add(net, 0x100))))) { code := 2 }
                    }
                    if iszero(code) { if eq(buyer, seller) { code := 3 } }
                    if iszero(code) { if iszero(and(shr(40, packed), 0xffffffffffff)) { code := 4 } }
                    if iszero(code) { if iszero(and(shr(88, packed), 0xffffffffffffffff)) { code := 5 } }
                    if iszero(code) { if gt(shr(152, packed), mload(add(net, 0x120))) { code := 6 } }
                    if code {
                        failure := or(code, shl(8, i))
                        break
                    }
                }
                {
                    // Few live variables (legacy code generator's stack limit): `fee` is reused for the
                    // royalty and then for quantity << 128; `notional` becomes the seller's proceeds.
                    let notional := mul(and(shr(40, packed), 0xffffffffffff), and(shr(88, packed), 0xffffffffffffffff))
                    let fee := div(mul(notional, shr(152, packed)), 10000)
                    mstore(add(net, 0xa0), add(mload(add(net, 0xa0)), notional))
                    mstore(add(net, 0xc0), add(mload(add(net, 0xc0)), fee))
                    let slot := add(add(mload(add(net, 0x20)), 0x20), shl(5, buyer))
                    mstore(slot, add(mload(slot), add(notional, fee)))
                    fee := div(mul(notional, mload(add(add(mload(net), 0x20), shl(5, asset)))), 10000)
                    slot := add(add(mload(add(net, 0x60)), 0x20), shl(5, asset))
                    mstore(slot, add(mload(slot), fee))
                    notional := sub(notional, fee)
                    slot := add(add(mload(add(net, 0x40)), 0x20), shl(5, mul(asset, mload(add(net, 0xe0)))))
                    fee := shl(128, and(shr(40, packed), 0xffffffffffff))
                    mstore(add(slot, shl(5, buyer)), add(mload(add(slot, shl(5, buyer))), fee))
                    mstore(add(slot, shl(5, seller)), add(sub(mload(add(slot, shl(5, seller))), fee), notional))
                }
                {
                    // Leaf hashed in scratch memory above the free memory pointer (not advanced).
                    let ptr := mload(0x40)
                    let accountsOffset := mload(add(net, 0x160))
                    mstore(ptr, mload(add(net, 0x140)))
                    mstore(add(ptr, 0x20), and(calldataload(add(accountsOffset, shl(5, buyer))), 0xffffffffffffffffffffffffffffffffffffffff))
                    mstore(add(ptr, 0x40), and(calldataload(add(accountsOffset, shl(5, seller))), 0xffffffffffffffffffffffffffffffffffffffff))
                    mstore(add(ptr, 0x60), calldataload(add(mload(add(net, 0x180)), shl(5, asset))))
                    mstore(add(ptr, 0x80), and(shr(40, packed), 0xffffffffffff))
                    mstore(add(ptr, 0xa0), and(shr(88, packed), 0xffffffffffffffff))
                    mstore(add(ptr, 0xc0), shr(152, packed))
                    mstore(0x00, keccak256(ptr, 0xe0))
                    mstore(add(add(mload(add(net, 0x80)), 0x20), shl(5, i)), keccak256(0x00, 0x20))
                }
            }
        }
    }
}
