// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PayoutBase} from "./utils/PayoutBase.sol";
import {BlacklistToken} from "./mocks/BlacklistToken.sol";
import {RoyaltySplitter} from "../src/RoyaltySplitter.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev Paying out of the splitter: the holders' share kept per stream for the distributor only,
/// frozen payees, and batch withdrawals that one payee cannot break.
contract RoyaltySplitterPayoutsTest is PayoutBase {
    IRoyaltySplitter.Distribution internal split;

    function setUp() public override {
        super.setUp();
        split = _stream(6_000);
        splitter.fund(split.streamId, 1_000e6);
        splitter.distribute(_one(split));
    }

    function _payees() internal view returns (address[] memory payees) {
        payees = new address[](2);
        payees[0] = artist;
        payees[1] = label;
    }

    function test_setHolderDistributor_canBeSetOnceByTheAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.HolderDistributorAlreadySet.selector, address(distributor)));
        splitter.setHolderDistributor(address(0xD15));
        RoyaltySplitter fresh = new RoyaltySplitter(address(this), usd);
        vm.expectRevert(IRoyaltySplitter.ZeroAddress.selector);
        fresh.setHolderDistributor(address(0));
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        fresh.setHolderDistributor(address(0xD15));
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.HolderDistributorSet(address(0xD15));
        fresh.setHolderDistributor(address(0xD15));
        assertEq(fresh.holderDistributor(), address(0xD15));
    }

    function test_setRegistry_isAdminOnlyAndZeroTurnsTheChecksOff() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        splitter.setRegistry(address(0));
        settlement.setFrozen(artist, true);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.RegistrySet(address(0));
        splitter.setRegistry(address(0));
        assertEq(splitter.registry(), address(0));
        assertEq(splitter.withdraw(artist), 300e6, "no registry, no frozen check");
    }

    function test_distribute_keepsTheDistributorsShareForTheStream() public view {
        assertEq(splitter.holdersShareOf(split.streamId), 600e6, "held for the stream");
        assertEq(splitter.withdrawable(address(distributor)), 0, "not a payee balance");
        assertEq(splitter.withdrawable(artist) + splitter.withdrawable(label), 400e6);
        assertEq(splitter.unassigned(), 0, "still accounted");
        assertEq(usd.balanceOf(address(splitter)), 1_000e6);
    }

    function test_releaseHoldersShare_revertsForAnyoneButTheDistributor() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.NotHolderDistributor.selector, stranger));
        splitter.releaseHoldersShare(split.streamId);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.NotHolderDistributor.selector, address(this)));
        splitter.releaseHoldersShare(split.streamId);
    }

    function test_releaseHoldersShare_sendsTheShareOnceThenReturnsZero() public {
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.HoldersShareReleased(split.streamId, 600e6);
        vm.prank(address(distributor));
        assertEq(splitter.releaseHoldersShare(split.streamId), 600e6);
        assertEq(usd.balanceOf(address(distributor)), 600e6);
        vm.prank(address(distributor));
        assertEq(splitter.releaseHoldersShare(split.streamId), 0, "nothing left: 0, no revert");
        vm.prank(address(distributor));
        assertEq(splitter.releaseHoldersShare(999), 0, "unknown stream: nothing held");
        assertEq(usd.balanceOf(address(splitter)), 400e6);
    }

    function test_withdraw_revertsForAFrozenPayeeAndKeepsTheCredit() public {
        settlement.setFrozen(artist, true);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.PayeeFrozen.selector, artist));
        splitter.withdraw(artist);
        assertEq(splitter.withdrawable(artist), 300e6);
        settlement.setFrozen(artist, false);
        assertEq(splitter.withdraw(artist), 300e6);
        assertEq(usd.balanceOf(artist), 300e6);
    }

    function test_withdrawMany_paysTheOthersWhenAPayeeWithdrewFirst() public {
        vm.prank(artist);
        splitter.withdraw(artist);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.Withdrawn(label, 100e6);
        assertEq(splitter.withdrawMany(_payees()), 100e6, "the label is paid, the artist skipped");
        assertEq(usd.balanceOf(artist), 300e6);
        assertEq(usd.balanceOf(label), 100e6);
        assertEq(splitter.withdrawMany(_payees()), 0, "nothing owed: no revert");
    }

    function test_withdrawMany_defersAFrozenPayeeUntilUnfrozen() public {
        settlement.setFrozen(label, true);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.WithdrawalDeferred(label, 100e6);
        vm.prank(stranger);
        assertEq(splitter.withdrawMany(_payees()), 300e6);
        assertEq(usd.balanceOf(label), 0);
        assertEq(splitter.withdrawable(label), 100e6, "credit kept");
        settlement.setFrozen(label, false);
        assertEq(splitter.withdrawMany(_payees()), 100e6);
        assertEq(usd.balanceOf(label), 100e6);
        assertEq(usd.balanceOf(address(splitter)), 600e6, "only the holders' share is left");
    }

    function test_withdrawMany_isHarmlessWithDuplicatesStrangersAndTheDistributor() public {
        address[] memory payees = new address[](5);
        payees[0] = label;
        payees[1] = label;
        payees[2] = outsider;
        payees[3] = address(distributor);
        payees[4] = address(0);
        assertEq(splitter.withdrawMany(payees), 100e6, "the label once, nobody else");
        assertEq(usd.balanceOf(label), 100e6);
        assertEq(splitter.holdersShareOf(split.streamId), 600e6, "the holders' share is untouched");
    }

    function test_withdrawMany_defersAPayeeTheTokenRefuses() public {
        BlacklistToken bad = new BlacklistToken();
        RoyaltySplitter s = new RoyaltySplitter(address(this), bad);
        s.grantRole(s.OPERATOR_ROLE(), address(this));
        address[] memory payees = _payees();
        uint16[] memory bps = new uint16[](2);
        bps[0] = 7_000;
        bps[1] = 3_000;
        uint256 id = s.createStream(payees, bps);
        bad.mint(address(this), 1_000);
        bad.approve(address(s), 1_000);
        s.fund(id, 1_000);
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](1);
        d[0] = IRoyaltySplitter.Distribution({streamId: id, payees: payees, bps: bps});
        s.distribute(d);
        bad.setBlacklisted(artist, true);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.WithdrawalDeferred(artist, 700);
        assertEq(s.withdrawMany(payees), 300);
        assertEq(s.withdrawable(artist), 700, "credit kept");
        assertEq(s.unassigned(), 0, "still accounted");
    }
}
