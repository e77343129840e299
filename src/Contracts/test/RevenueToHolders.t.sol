// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReceiversBase} from "./utils/ReceiversBase.sol";
import {IRevenueReceivers} from "../src/interfaces/IRevenueReceivers.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";

/// @dev End to end on the real contracts: a streaming service pays an asset's deposit address by
/// plain transfer, the operator releases it (fees to the treasury, the rest into the asset's
/// stream), the distributor splits the stream and funds the holders' pool, and every payee and
/// holder ends with exactly its share.
contract RevenueToHoldersTest is ReceiversBase {
    function _withdrawPayees() internal {
        address[] memory payees = new address[](2);
        payees[0] = artist;
        payees[1] = label;
        splitter.withdrawMany(payees);
    }

    function _claimAll(uint256 assetId, bytes32[] memory tree, uint256 base) internal {
        for (uint256 i = 0; i < holders.length; ++i) distributor.claim(_claimOf(assetId, tree, i, base));
    }

    /// @dev 1,000 paid (400 before the receiver exists, 600 after); 25 fees; 975 to the stream:
    /// holders 60% = 585, artist 30% = 292.5, label 10% = 97.5.
    function test_deposit_reachesTreasuryPayeesAndHoldersExactly() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        _deposit(ASSET_A, 400e6);
        address receiver = receivers.createReceiver(ASSET_A, split.streamId);
        _deposit(ASSET_A, 600e6);

        receivers.release(ASSET_A, treasury, 25e6, 975e6);
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 39e6);
        assertEq(total, 585e6, "tree total");
        assertEq(distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total), 585e6, "holders' share");
        _withdrawPayees();
        _claimAll(ASSET_A, tree, 39e6);

        assertEq(usd.balanceOf(treasury), 25e6, "treasury");
        assertEq(usd.balanceOf(artist), 292_500_000, "artist");
        assertEq(usd.balanceOf(label), 97_500_000, "label");
        for (uint256 i = 0; i < holders.length; ++i) assertEq(usd.balanceOf(holders[i]), 39e6 * (i + 1), "holder");
        assertEq(usd.balanceOf(receiver), 0, "receiver emptied");
        assertEq(usd.balanceOf(address(splitter)), 0, "splitter owes nothing");
        assertEq(usd.balanceOf(address(distributor)), 0, "distributor owes nothing");
    }

    /// @dev Two assets released in one transaction; each pool gets its own stream's share. B's
    /// 325,000,001 to the stream splits 50% / 37.5% / 12.5% with one leftover unit, which the
    /// largest remainder (the holders' 0.5) takes: 162,500,001 / 121,875,000 / 40,625,000.
    function test_releaseMany_fundsEachAssetsHoldersWithItsOwnShare() public {
        IRoyaltySplitter.Distribution memory a = _stream(6_000);
        IRoyaltySplitter.Distribution memory b = _stream(5_000);
        receivers.createReceiver(ASSET_A, a.streamId);
        receivers.createReceiver(ASSET_B, b.streamId);
        _deposit(ASSET_A, 1_000e6);
        _deposit(ASSET_B, 333_333_334);
        IRevenueReceivers.Release[] memory r = new IRevenueReceivers.Release[](2);
        r[0] = IRevenueReceivers.Release({assetId: ASSET_A, fees: 25e6, toStream: 975e6});
        r[1] = IRevenueReceivers.Release({assetId: ASSET_B, fees: 8_333_333, toStream: 325_000_001});
        receivers.releaseMany(r, treasury);

        (bytes32[] memory treeB, uint256 totalB) = _tree(ASSET_B, 10_833_333);
        assertEq(distributor.fundFromSplitter(splitter, b, ASSET_B, treeB[0], totalB), 162_500_001, "B's holders");
        (bytes32[] memory treeA, uint256 totalA) = _tree(ASSET_A, 39e6);
        assertEq(distributor.fundFromSplitter(splitter, a, ASSET_A, treeA[0], totalA), 585e6, "A's holders");
        assertEq(splitter.withdrawable(artist), 292_500_000 + 121_875_000, "artist, both streams");
        assertEq(splitter.withdrawable(label), 97_500_000 + 40_625_000, "label, both streams");
        _withdrawPayees();
        _claimAll(ASSET_A, treeA, 39e6);
        _claimAll(ASSET_B, treeB, 10_833_333);

        for (uint256 i = 0; i < holders.length; ++i) {
            assertEq(usd.balanceOf(holders[i]), (39e6 + 10_833_333) * (i + 1), "holder, both assets");
        }
        assertEq(usd.balanceOf(treasury), 33_333_333, "treasury, both fees");
        assertEq(receivers.balanceOf(ASSET_A) + receivers.balanceOf(ASSET_B), 0, "receivers emptied");
        (uint256 fundedB, uint256 paidB,) = _pool(ASSET_B);
        assertEq(fundedB - paidB, 6, "B's 6 units beyond this period's tree stay in its pool");
        assertEq(usd.balanceOf(address(distributor)), 6, "and nothing else is held");
        assertEq(usd.balanceOf(address(splitter)), 0, "splitter owes nothing");
    }
}
