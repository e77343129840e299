// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {Merkle} from "./utils/Merkle.sol";
import {BlacklistToken} from "./mocks/BlacklistToken.sol";
import {HolderDistributor} from "../src/HolderDistributor.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract HolderDistributorTest is Fixture {
    uint256 internal constant ASSET = 7;
    address[] internal holders;

    function setUp() public override {
        super.setUp();
        for (uint256 i = 0; i < 5; ++i) holders.push(address(uint160(0xD000 + i)));
        usd.mint(address(this), 1_000_000e6);
        usd.approve(address(distributor), type(uint256).max);
    }

    /// @dev Leaves for cumulative amounts `base * (i + 1)` for holder i.
    function _tree(HolderDistributor d, uint256 base) internal view returns (bytes32[] memory tree, uint256 total) {
        bytes32[] memory leaves = new bytes32[](holders.length);
        for (uint256 i = 0; i < holders.length; ++i) {
            leaves[i] = d.leaf(ASSET, i, holders[i], base * (i + 1));
            total += base * (i + 1);
        }
        tree = Merkle.heapTree(leaves);
    }

    function _claim(bytes32[] memory tree, uint256 i, uint256 base) internal view returns (IHolderDistributor.Claim memory) {
        return IHolderDistributor.Claim({assetId: ASSET, index: i, account: holders[i], cumulative: base * (i + 1), proof: Merkle.heapProof(tree, i)});
    }

    function test_fund_publishesRootAndHoldsTokens() public {
        (bytes32[] memory tree, uint256 total) = _tree(distributor, 10e6);
        distributor.fund(ASSET, total, tree[0], total);
        (bytes32 root, uint256 funded, uint256 paid, uint256 entitled) = distributor.poolOf(ASSET);
        assertEq(root, tree[0]);
        assertEq(funded, total);
        assertEq(paid, 0);
        assertEq(entitled, total);
        assertEq(usd.balanceOf(address(distributor)), total);
    }

    function test_fund_revertsOnZeroRootUnderfundingDecreaseAndRole() public {
        vm.expectRevert(IHolderDistributor.ZeroRoot.selector);
        distributor.fund(ASSET, 1, bytes32(0), 1);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.Underfunded.selector, ASSET, 10, 11));
        distributor.fund(ASSET, 10, bytes32(uint256(1)), 11);
        distributor.fund(ASSET, 10, bytes32(uint256(1)), 10);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.EntitlementDecreased.selector, ASSET, 10, 9));
        distributor.fund(ASSET, 0, bytes32(uint256(2)), 9);
        bytes32 role = distributor.OPERATOR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        distributor.fund(ASSET, 0, bytes32(uint256(2)), 10);
    }

    function test_claim_paysTheAccountOnceAcrossPeriods() public {
        (bytes32[] memory first, uint256 total1) = _tree(distributor, 10e6);
        distributor.fund(ASSET, total1, first[0], total1);
        vm.prank(outsider); // anyone may submit; the money goes to the holder
        distributor.claim(_claim(first, 2, 10e6));
        assertEq(usd.balanceOf(holders[2]), 30e6, "period 1");
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.NothingToClaim.selector, ASSET, 2));
        distributor.claim(_claim(first, 2, 10e6));

        // Period 2 doubles everyone's cumulative entitlement: one claim collects only the new part.
        (bytes32[] memory second, uint256 total2) = _tree(distributor, 20e6);
        distributor.fund(ASSET, total2 - total1, second[0], total2);
        distributor.claim(_claim(second, 2, 20e6));
        assertEq(usd.balanceOf(holders[2]), 60e6, "cumulative");
        assertEq(distributor.claimed(ASSET, 2), 60e6);
    }

    function test_claim_revertsOnAForgedAmount() public {
        (bytes32[] memory tree, uint256 total) = _tree(distributor, 10e6);
        distributor.fund(ASSET, total, tree[0], total);
        IHolderDistributor.Claim memory c = _claim(tree, 1, 10e6);
        c.cumulative += 1;
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.InvalidProof.selector, ASSET, 1));
        distributor.claim(c);
    }

    function test_claimMany_collectsSeveralAssetsInOneCall() public {
        (bytes32[] memory tree, uint256 total) = _tree(distributor, 1e6);
        distributor.fund(ASSET, total, tree[0], total);
        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](2);
        claims[0] = _claim(tree, 0, 1e6);
        claims[1] = _claim(tree, 4, 1e6);
        assertEq(distributor.claimMany(claims), 6e6);
    }

    function test_push_paysManyHoldersWithOneMultiproof() public {
        (bytes32[] memory tree, uint256 total) = _tree(distributor, 5e6);
        distributor.fund(ASSET, total, tree[0], total);
        uint256[] memory picked = new uint256[](3);
        picked[0] = 0;
        picked[1] = 3;
        picked[2] = 4;
        (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
        IHolderDistributor.PushEntry[] memory entries = new IHolderDistributor.PushEntry[](ordered.length);
        for (uint256 i = 0; i < ordered.length; ++i) {
            uint256 h = ordered[i];
            entries[i] = IHolderDistributor.PushEntry({index: h, account: holders[h], cumulative: 5e6 * (h + 1)});
        }
        distributor.push(ASSET, entries, proof, flags);
        assertEq(usd.balanceOf(holders[0]), 5e6);
        assertEq(usd.balanceOf(holders[3]), 20e6);
        assertEq(usd.balanceOf(holders[4]), 25e6);
        assertEq(usd.balanceOf(holders[1]), 0, "not pushed: still claimable");
        distributor.claim(_claim(tree, 1, 5e6));
        assertEq(usd.balanceOf(holders[1]), 10e6);
        // A second push of the same entries pays nothing more.
        distributor.push(ASSET, entries, proof, flags);
        assertEq(usd.balanceOf(holders[4]), 25e6);
    }

    function test_push_revertsOnBadProofAndForNonOperators() public {
        (bytes32[] memory tree, uint256 total) = _tree(distributor, 5e6);
        distributor.fund(ASSET, total, tree[0], total);
        uint256[] memory picked = new uint256[](1);
        (, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
        IHolderDistributor.PushEntry[] memory entries = new IHolderDistributor.PushEntry[](1);
        entries[0] = IHolderDistributor.PushEntry({index: 0, account: holders[0], cumulative: 6e6});
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.InvalidProof.selector, ASSET, type(uint256).max));
        distributor.push(ASSET, entries, proof, flags);
        bytes32 role = distributor.OPERATOR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        distributor.push(ASSET, entries, proof, flags);
    }

    function test_push_leavesAHolderThatCannotBePaidClaimable() public {
        BlacklistToken bad = new BlacklistToken();
        HolderDistributor d = new HolderDistributor(address(this), bad);
        d.grantRole(d.OPERATOR_ROLE(), address(this));
        bad.mint(address(this), 1_000e6);
        bad.approve(address(d), type(uint256).max);
        (bytes32[] memory tree, uint256 total) = _tree(d, 1e6);
        d.fund(ASSET, total, tree[0], total);
        bad.setBlacklisted(holders[1], true);
        uint256[] memory picked = new uint256[](2);
        picked[0] = 0;
        picked[1] = 1;
        (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
        IHolderDistributor.PushEntry[] memory entries = new IHolderDistributor.PushEntry[](2);
        for (uint256 i = 0; i < 2; ++i) {
            uint256 h = ordered[i];
            entries[i] = IHolderDistributor.PushEntry({index: h, account: holders[h], cumulative: 1e6 * (h + 1)});
        }
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.PushFailed(ASSET, 1, holders[1], 2e6);
        d.push(ASSET, entries, proof, flags);
        assertEq(bad.balanceOf(holders[0]), 1e6, "healthy holder paid");
        assertEq(d.claimed(ASSET, 1), 0, "failed holder not marked paid");
        bad.setBlacklisted(holders[1], false);
        d.claim(_claim(tree, 1, 1e6));
        assertEq(bad.balanceOf(holders[1]), 2e6, "claimed later");
    }

    function test_claim_revertsWhenCumulativeExceeds64Bits() public {
        uint256 huge = uint256(type(uint64).max) + 1;
        bytes32[] memory leaves = new bytes32[](2);
        leaves[0] = distributor.leaf(ASSET, 0, holders[0], huge);
        leaves[1] = distributor.leaf(ASSET, 1, holders[1], 1);
        bytes32[] memory tree = Merkle.heapTree(leaves);
        usd.mint(address(this), huge);
        distributor.fund(ASSET, huge + 1, tree[0], huge + 1);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.CumulativeTooLarge.selector, huge));
        distributor.claim(IHolderDistributor.Claim({assetId: ASSET, index: 0, account: holders[0], cumulative: huge, proof: Merkle.heapProof(tree, 0)}));
    }

    function test_fund_revertsAbove80Bits() public {
        uint256 tooMuch = uint256(type(uint80).max) + 1;
        usd.mint(address(this), tooMuch);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.Underfunded.selector, ASSET, tooMuch, 1));
        distributor.fund(ASSET, tooMuch, bytes32(uint256(1)), 1);
    }

    function test_claim_revertsWhenTheRootPromisesMoreThanEntitled() public {
        // A root whose leaf exceeds the declared total can never pay past it.
        bytes32[] memory leaves = new bytes32[](2);
        leaves[0] = distributor.leaf(ASSET, 0, holders[0], 80);
        leaves[1] = distributor.leaf(ASSET, 1, holders[1], 80);
        bytes32[] memory tree = Merkle.heapTree(leaves);
        distributor.fund(ASSET, 100, tree[0], 100);
        distributor.claim(IHolderDistributor.Claim({assetId: ASSET, index: 0, account: holders[0], cumulative: 80, proof: Merkle.heapProof(tree, 0)}));
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.OverPaid.selector, ASSET, 160, 100));
        distributor.claim(IHolderDistributor.Claim({assetId: ASSET, index: 1, account: holders[1], cumulative: 80, proof: Merkle.heapProof(tree, 1)}));
    }
}
