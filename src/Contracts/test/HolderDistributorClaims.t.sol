// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PayoutBase} from "./utils/PayoutBase.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";

/// @dev Claims and pushes that must not pay: frozen accounts, and claimMany entries that are stale
/// or invalid, which are skipped without blocking the holder's other claims.
contract HolderDistributorClaimsTest is PayoutBase {
    bytes32[] internal tree;
    uint256 internal constant BASE = 10e6;

    function setUp() public override {
        super.setUp();
        uint256 total;
        (tree, total) = _tree(ASSET_A, BASE);
        distributor.fund(ASSET_A, total, tree[0], total);
    }

    function test_claim_revertsForAFrozenAccountUntilUnfrozen() public {
        settlement.setFrozen(holders[3], true);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.AccountFrozen.selector, holders[3]));
        distributor.claim(_claimOf(ASSET_A, tree, 3, BASE));
        assertEq(distributor.claimed(ASSET_A, 3), 0);
        settlement.setFrozen(holders[3], false);
        assertEq(distributor.claim(_claimOf(ASSET_A, tree, 3, BASE)), 40e6);
        assertEq(usd.balanceOf(holders[3]), 40e6);
    }

    function test_claim_checksTheProofBeforeTheFrozenFlag() public {
        settlement.setFrozen(holders[3], true);
        IHolderDistributor.Claim memory c = _claimOf(ASSET_A, tree, 3, BASE);
        c.cumulative += 1;
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.InvalidProof.selector, ASSET_A, 3));
        distributor.claim(c);
    }

    function test_claimMany_paysTheValidEntriesAndSkipsAStaleProof() public {
        // Period 2 is published for asset A; a wallet still holds the period-1 proof of holder 0.
        bytes32[] memory stale = tree;
        (bytes32[] memory second, uint256 total2) = _tree(ASSET_A, 2 * BASE);
        distributor.fund(ASSET_A, total2 / 2, second[0], total2);
        (bytes32[] memory treeB, uint256 totalB) = _tree(ASSET_B, BASE);
        distributor.fund(ASSET_B, totalB, treeB[0], totalB);

        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](3);
        claims[0] = _claimOf(ASSET_A, stale, 0, BASE);
        claims[1] = _claimOf(ASSET_B, treeB, 0, BASE);
        claims[2] = _claimOf(ASSET_A, second, 2, 2 * BASE);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.ClaimSkipped(ASSET_A, 0, holders[0], 1);
        assertEq(distributor.claimMany(claims), 10e6 + 60e6, "valid entries paid");
        assertEq(distributor.claimed(ASSET_A, 0), 0, "stale entry not paid");
        assertEq(usd.balanceOf(holders[0]), 10e6);
        assertEq(usd.balanceOf(holders[2]), 60e6);
    }

    function test_claimMany_skipsNothingToClaimAndFrozenEntries() public {
        distributor.claim(_claimOf(ASSET_A, tree, 1, BASE));
        settlement.setFrozen(holders[4], true);
        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](3);
        claims[0] = _claimOf(ASSET_A, tree, 1, BASE);
        claims[1] = _claimOf(ASSET_A, tree, 4, BASE);
        claims[2] = _claimOf(ASSET_A, tree, 0, BASE);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.ClaimSkipped(ASSET_A, 1, holders[1], 2);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.ClaimSkipped(ASSET_A, 4, holders[4], 3);
        assertEq(distributor.claimMany(claims), 10e6);
        assertEq(usd.balanceOf(holders[4]), 0, "frozen holder not paid");
        assertEq(distributor.claimed(ASSET_A, 4), 0, "still claimable");
    }

    function test_claimMany_neverPaysAnEntryTwice() public {
        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](3);
        claims[0] = _claimOf(ASSET_A, tree, 2, BASE);
        claims[1] = claims[0];
        claims[2] = claims[0];
        assertEq(distributor.claimMany(claims), 30e6, "paid once");
        assertEq(usd.balanceOf(holders[2]), 30e6);
        (, uint256 paid,) = _pool(ASSET_A);
        assertEq(paid, 30e6);
    }

    function test_push_leavesAFrozenHolderClaimable() public {
        settlement.setFrozen(holders[1], true);
        uint256[] memory picked = new uint256[](3);
        picked[0] = 0;
        picked[1] = 1;
        picked[2] = 2;
        (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags) = _pushOf(tree, picked, BASE);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.PushFailed(ASSET_A, 1, holders[1], 20e6);
        distributor.push(ASSET_A, entries, proof, flags);
        assertEq(usd.balanceOf(holders[0]), 10e6);
        assertEq(usd.balanceOf(holders[1]), 0, "frozen: not paid");
        assertEq(usd.balanceOf(holders[2]), 30e6);
        assertEq(distributor.claimed(ASSET_A, 1), 0, "still claimable");
        (, uint256 paid,) = _pool(ASSET_A);
        assertEq(paid, 40e6, "only what was paid is recorded");
        settlement.setFrozen(holders[1], false);
        distributor.push(ASSET_A, entries, proof, flags);
        assertEq(usd.balanceOf(holders[1]), 20e6, "paid by the next push");
    }

    function test_setRegistry_isAdminOnlyAndZeroTurnsTheChecksOff() public {
        bytes32 admin = distributor.DEFAULT_ADMIN_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", outsider, admin));
        distributor.setRegistry(address(0));
        settlement.setFrozen(holders[0], true);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.RegistrySet(address(0));
        distributor.setRegistry(address(0));
        assertEq(distributor.registry(), address(0));
        assertEq(distributor.claim(_claimOf(ASSET_A, tree, 0, BASE)), 10e6, "no registry, no frozen check");
    }
}
