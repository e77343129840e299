// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PayoutBase} from "./utils/PayoutBase.sol";
import {ShortChangingSplitter} from "./mocks/ShortChangingSplitter.sol";
import {RoyaltySplitter} from "../src/RoyaltySplitter.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev The holders' share of a royalty stream reaching its asset's pool: one transaction
/// (distribute, release, fund) that strangers' calls in between cannot disturb.
contract SplitterToHoldersTest is PayoutBase {
    function test_fundFromSplitter_fundsExactlyTheHoldersShare() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.StreamBound(ASSET_A, address(splitter), split.streamId);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.HoldersShareReleased(split.streamId, 600e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.Funded(ASSET_A, 600e6, tree[0], total);
        uint256 amount = distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total);
        (uint256 funded,, uint256 entitled) = _pool(ASSET_A);
        assertEq(amount, 600e6, "returned");
        assertEq(funded, 600e6, "funded");
        assertEq(entitled, 600e6, "entitled");
        assertEq(usd.balanceOf(address(distributor)), 600e6, "held");
        assertEq(distributor.unallocated(), 0, "nothing unallocated");
        assertEq(distributor.streamOf(ASSET_A), split.streamId, "bound");
        assertEq(splitter.holdersShareOf(split.streamId), 0, "released");
        assertEq(splitter.withdrawable(artist), 300e6, "artist credited");
        assertEq(splitter.withdrawable(label), 100e6, "label credited");
    }

    function test_fundFromSplitter_aStrangersWithdrawOfTheDistributorCannotStrandTheShare() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        splitter.distribute(_one(split)); // the "distribute" transaction of the pipeline
        vm.prank(stranger);
        vm.expectRevert(IRoyaltySplitter.ZeroAmount.selector);
        splitter.withdraw(address(distributor)); // nothing to take: the share is held for the stream
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        assertEq(distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total), 600e6);
        (uint256 funded,,) = _pool(ASSET_A);
        assertEq(funded, 600e6, "pool funded in full");
        assertEq(distributor.unallocated(), 0, "nothing stranded");
    }

    function test_fundFromSplitter_fundsExactlyWhenAStrangerDistributedFirst() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        vm.prank(stranger);
        splitter.distribute(_one(split));
        assertEq(splitter.holdersShareOf(split.streamId), 600e6, "held for the stream");
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        assertEq(distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total), 600e6);
        (uint256 funded,,) = _pool(ASSET_A);
        assertEq(funded, 600e6);
    }

    function test_fundFromSplitter_interleavedAssetsEachGetTheirOwnShare() public {
        IRoyaltySplitter.Distribution memory a = _stream(6_000);
        IRoyaltySplitter.Distribution memory b = _stream(5_000);
        splitter.fund(a.streamId, 1_000e6);
        splitter.fund(b.streamId, 150e6);
        splitter.distribute(_one(a));
        vm.prank(stranger);
        splitter.distribute(_one(b));
        (bytes32[] memory treeB, uint256 totalB) = _tree(ASSET_B, 5e6);
        assertEq(distributor.fundFromSplitter(splitter, b, ASSET_B, treeB[0], totalB), 75e6, "B gets B's share");
        (bytes32[] memory treeA, uint256 totalA) = _tree(ASSET_A, 40e6);
        assertEq(distributor.fundFromSplitter(splitter, a, ASSET_A, treeA[0], totalA), 600e6, "A gets A's share");
        (uint256 fundedA,,) = _pool(ASSET_A);
        (uint256 fundedB,,) = _pool(ASSET_B);
        assertEq(fundedA, 600e6);
        assertEq(fundedB, 75e6);
        assertEq(usd.balanceOf(address(distributor)), 675e6);
    }

    function test_fundFromSplitter_revertsOnStreamMismatch() public {
        IRoyaltySplitter.Distribution memory a = _stream(6_000);
        IRoyaltySplitter.Distribution memory b = _stream(5_000);
        splitter.fund(a.streamId, 1_000e6);
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        distributor.fundFromSplitter(splitter, a, ASSET_A, tree[0], total);
        // Asset A is bound to stream a: stream b cannot fund it...
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.StreamMismatch.selector, ASSET_A, b.streamId));
        distributor.fundFromSplitter(splitter, b, ASSET_A, tree[0], total);
        // ...stream a cannot fund another asset...
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.StreamMismatch.selector, ASSET_B, a.streamId));
        distributor.fundFromSplitter(splitter, a, ASSET_B, tree[0], total);
        // ...and the same stream id on another splitter is another stream.
        RoyaltySplitter other = new RoyaltySplitter(address(this), usd);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.StreamMismatch.selector, ASSET_A, a.streamId));
        distributor.fundFromSplitter(other, a, ASSET_A, tree[0], total);
        assertEq(distributor.streamOf(ASSET_B), 0, "B still unbound");
    }

    function test_fundFromSplitter_isIdempotent() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total);
        // The pipeline retries (e.g. it never saw the receipt): nothing moves, nothing reverts.
        assertEq(distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total), 0, "second call funds 0");
        (uint256 funded,, uint256 entitled) = _pool(ASSET_A);
        assertEq(funded, 600e6);
        assertEq(entitled, total);
        assertEq(usd.balanceOf(address(distributor)), 600e6);
    }

    function test_fundFromSplitter_revertsOnAWrongSplitAndBindsNothing() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        split.bps[0] += 1;
        split.bps[2] -= 1;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.SplitMismatch.selector, split.streamId));
        distributor.fundFromSplitter(splitter, split, ASSET_A, bytes32(uint256(1)), 0);
        assertEq(distributor.streamOf(ASSET_A), 0);
    }

    function test_fundFromSplitter_revertsForNonOperators() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        bytes32 role = distributor.OPERATOR_ROLE();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        distributor.fundFromSplitter(splitter, split, ASSET_A, bytes32(uint256(1)), 0);
    }

    function test_fundFromSplitter_revertsWhenTheSplitterSendsLessThanItReports() public {
        ShortChangingSplitter liar = new ShortChangingSplitter(usd, 100e6, 60e6);
        usd.mint(address(liar), 60e6);
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.ReleaseMismatch.selector, split.streamId, 100e6, 60e6));
        distributor.fundFromSplitter(IRoyaltySplitter(address(liar)), split, ASSET_A, bytes32(uint256(1)), 60e6);
    }

    function test_fundFromSplitter_laterRevenueFundsLaterPeriods() public {
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        (bytes32[] memory first, uint256 total1) = _tree(ASSET_A, 40e6);
        distributor.fundFromSplitter(splitter, split, ASSET_A, first[0], total1);
        distributor.claim(_claimOf(ASSET_A, first, 4, 40e6));
        splitter.fund(split.streamId, 500e6);
        (bytes32[] memory second, uint256 total2) = _tree(ASSET_A, 60e6);
        assertEq(distributor.fundFromSplitter(splitter, split, ASSET_A, second[0], total2), 300e6);
        for (uint256 i = 0; i < holders.length; ++i) distributor.claim(_claimOf(ASSET_A, second, i, 60e6));
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(funded, 900e6);
        assertEq(paid, 900e6, "every holder paid in full");
        assertEq(usd.balanceOf(address(distributor)), 0);
    }

    /// @dev One frozen address that is both a holder and a payee: no path pays it while frozen,
    /// everyone else is paid, and everything reaches it once it is unfrozen.
    function test_frozenReceiver_isPaidOnlyAfterUnfreezing() public {
        holders[1] = label; // the label also holds fractions
        IRoyaltySplitter.Distribution memory split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        distributor.fundFromSplitter(splitter, split, ASSET_A, tree[0], total);
        settlement.setFrozen(label, true);

        vm.expectRevert(abi.encodeWithSelector(IHolderDistributor.AccountFrozen.selector, label));
        distributor.claim(_claimOf(ASSET_A, tree, 1, 40e6));
        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](2);
        claims[0] = _claimOf(ASSET_A, tree, 1, 40e6);
        claims[1] = _claimOf(ASSET_A, tree, 0, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.ClaimSkipped(ASSET_A, 1, label, 3);
        assertEq(distributor.claimMany(claims), 40e6, "claimMany pays the other entry");
        uint256[] memory picked = new uint256[](2);
        picked[0] = 1;
        picked[1] = 2;
        (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags) = _pushOf(tree, picked, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.PushFailed(ASSET_A, 1, label, 80e6);
        distributor.push(ASSET_A, entries, proof, flags);
        assertEq(usd.balanceOf(holders[2]), 120e6, "push pays the other holder");
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.PayeeFrozen.selector, label));
        splitter.withdraw(label);
        address[] memory payees = new address[](2);
        payees[0] = label;
        payees[1] = artist;
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.WithdrawalDeferred(label, 100e6);
        assertEq(splitter.withdrawMany(payees), 300e6, "withdrawMany pays the artist");
        assertEq(usd.balanceOf(label), 0, "nothing reached the frozen address");
        assertEq(distributor.claimed(ASSET_A, 1), 0, "still claimable");
        assertEq(splitter.withdrawable(label), 100e6, "credit kept");

        settlement.setFrozen(label, false);
        distributor.claim(_claimOf(ASSET_A, tree, 1, 40e6));
        assertEq(splitter.withdrawMany(payees), 100e6);
        assertEq(usd.balanceOf(label), 80e6 + 100e6, "holder share and payee credit, after unfreezing");
    }
}
