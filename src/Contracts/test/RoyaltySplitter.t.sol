// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {LargestRemainder} from "../src/libraries/LargestRemainder.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract RoyaltySplitterTest is Fixture {
    address internal artist = address(0xA1);
    address internal producer = address(0xA2);
    address internal songwriter = address(0xA3);
    uint256 internal stream;

    function setUp() public override {
        super.setUp();
        stream = splitter.createStream(_payees(), _bps());
        usd.mint(address(this), 1_000_000e6);
        usd.approve(address(splitter), type(uint256).max);
    }

    function _payees() internal view returns (address[] memory p) {
        p = new address[](3);
        p[0] = artist;
        p[1] = producer;
        p[2] = songwriter;
    }

    function _bps() internal pure returns (uint16[] memory b) {
        b = new uint16[](3);
        b[0] = 3_333;
        b[1] = 3_333;
        b[2] = 3_334;
    }

    function _dist(uint256 id) internal view returns (IRoyaltySplitter.Distribution[] memory d) {
        d = new IRoyaltySplitter.Distribution[](1);
        d[0] = IRoyaltySplitter.Distribution({streamId: id, payees: _payees(), bps: _bps()});
    }

    function test_distribute_splitsExactlyWithLargestRemainder() public {
        splitter.fund(stream, 100); // 33.33 / 33.33 / 33.34 -> floors 33,33,33; leftover 1 to the largest remainder (0.34)
        splitter.distribute(_dist(stream));
        assertEq(splitter.withdrawable(artist), 33, "artist");
        assertEq(splitter.withdrawable(producer), 33, "producer");
        assertEq(splitter.withdrawable(songwriter), 34, "songwriter");
        assertEq(splitter.undistributed(stream), 0);
    }

    function test_previewSplit_breaksTiesByPayeeOrder() public view {
        uint16[] memory halves = new uint16[](2);
        halves[0] = 5_000;
        halves[1] = 5_000;
        uint256[] memory shares = splitter.previewSplit(3, halves);
        assertEq(shares[0], 2, "first payee wins the tie");
        assertEq(shares[1], 1);
    }

    function test_withdraw_paysThePayeeAndZeroesTheBalance() public {
        splitter.fund(stream, 1_000e6);
        splitter.distribute(_dist(stream));
        uint256 owed = splitter.withdrawable(artist);
        vm.prank(outsider); // anyone may push, funds go to the payee
        assertEq(splitter.withdraw(artist), owed);
        assertEq(usd.balanceOf(artist), owed);
        vm.expectRevert(IRoyaltySplitter.ZeroAmount.selector);
        splitter.withdraw(artist);
    }

    function test_distribute_rejectsAWrongPayeeListAndUnknownStream() public {
        splitter.fund(stream, 10);
        IRoyaltySplitter.Distribution[] memory d = _dist(stream);
        d[0].bps[0] = 3_334;
        d[0].bps[2] = 3_333;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.SplitMismatch.selector, stream));
        splitter.distribute(d);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.UnknownStream.selector, 9));
        splitter.distribute(_dist(9));
    }

    function test_distribute_handlesSeveralStreamsAndSkipsEmptyOnes() public {
        uint256 second = splitter.createStream(_payees(), _bps());
        splitter.fund(second, 3);
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](2);
        d[0] = _dist(stream)[0];
        d[1] = _dist(second)[0];
        splitter.distribute(d);
        assertEq(splitter.withdrawable(artist) + splitter.withdrawable(producer) + splitter.withdrawable(songwriter), 3);
    }

    function test_createStream_validatesTheSplit() public {
        address[] memory p = _payees();
        uint16[] memory b = _bps();
        b[2] = 3_333;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "shares do not sum to 10000 bps"));
        splitter.createStream(p, b);
        b[2] = 3_334;
        p[2] = artist;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "duplicate payee"));
        splitter.createStream(p, b);
        p[2] = address(0);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "zero address payee"));
        splitter.createStream(p, b);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "no payees"));
        splitter.createStream(new address[](0), new uint16[](0));
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "payees and shares differ in length"));
        splitter.createStream(_payees(), new uint16[](2));
        uint16[] memory withZero = _bps();
        withZero[0] = 0;
        withZero[2] = 6_667;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "zero share"));
        splitter.createStream(_payees(), withZero);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.InvalidSplit.selector, "too many payees"));
        splitter.createStream(new address[](501), new uint16[](501));
        address[] memory payees = _payees();
        uint16[] memory bps = _bps();
        bytes32 role = splitter.OPERATOR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        splitter.createStream(payees, bps);
    }

    function test_fundAndAssign_guardAmounts() public {
        vm.expectRevert(IRoyaltySplitter.ZeroAmount.selector);
        splitter.fund(stream, 0);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.UnknownStream.selector, 77));
        splitter.fund(77, 1);
        usd.transfer(address(splitter), 40); // e.g. released resale royalties
        assertEq(splitter.unassigned(), 40);
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.ExceedsUnassigned.selector, 41, 40));
        splitter.assignReceived(stream, 41);
        vm.expectRevert(IRoyaltySplitter.ZeroAmount.selector);
        splitter.assignReceived(stream, 0);
        splitter.assignReceived(stream, 40);
        assertEq(splitter.undistributed(stream), 40);
        assertEq(splitter.unassigned(), 0);
        bytes32 role = splitter.OPERATOR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        splitter.assignReceived(stream, 1);
    }

    // ------------------------------------------------------------ fuzz

    /// @dev The on-chain (Yul) split credits exactly what the reference library computes.
    function testFuzz_distribute_creditsTheReferenceSplit(uint256 amount, uint256 seed, uint8 count) public {
        amount = bound(amount, 1, 500_000e6);
        uint256 n = bound(count, 1, 30);
        address[] memory payees = new address[](n);
        uint16[] memory bps = new uint16[](n);
        uint256 left = 10_000 - n; // every share at least 1 bps
        for (uint256 i = 0; i < n; ++i) {
            payees[i] = address(uint160(0xC0000 + i));
            uint256 extra = i == n - 1 ? left : bound(uint256(keccak256(abi.encode(seed, i))), 0, left);
            bps[i] = uint16(1 + extra);
            left -= extra;
        }
        uint256 id = splitter.createStream(payees, bps);
        splitter.fund(id, amount);
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](1);
        d[0] = IRoyaltySplitter.Distribution({streamId: id, payees: payees, bps: bps});
        splitter.distribute(d);
        uint256[] memory expected = LargestRemainder.split(amount, bps);
        uint256 sum;
        for (uint256 i = 0; i < n; ++i) {
            assertEq(splitter.withdrawable(payees[i]), expected[i], "credit equals the reference share");
            sum += expected[i];
        }
        assertEq(sum, amount, "nothing created or lost");
    }

    /// @dev Parts sum to the whole, each within one unit of the exact share, and the leftover goes
    /// to remainders at least as large as any remainder left without one.
    function testFuzz_split_sumsExactlyAndStaysWithinOneUnit(uint256 amount, uint256 seed, uint8 count) public pure {
        amount = bound(amount, 0, type(uint128).max);
        uint256 n = bound(count, 1, 40);
        uint16[] memory bps = new uint16[](n);
        uint256 left = 10_000;
        for (uint256 i = 0; i < n; ++i) {
            uint256 share = i == n - 1 ? left : bound(uint256(keccak256(abi.encode(seed, i))), 0, left);
            bps[i] = uint16(share);
            left -= share;
        }
        uint256[] memory shares = LargestRemainder.split(amount, bps);
        uint256 sum;
        uint256 minAwarded = type(uint256).max;
        uint256 maxUnawarded;
        for (uint256 i = 0; i < n; ++i) {
            sum += shares[i];
            uint256 floor = amount * bps[i] / 10_000;
            assertTrue(shares[i] == floor || shares[i] == floor + 1, "within one unit of the exact share");
            uint256 remainder = amount * bps[i] % 10_000;
            if (shares[i] == floor + 1 && remainder < minAwarded) minAwarded = remainder;
            if (shares[i] == floor && remainder > maxUnawarded) maxUnawarded = remainder;
        }
        assertEq(sum, amount, "parts sum to the whole");
        if (minAwarded != type(uint256).max) assertGe(minAwarded, maxUnawarded, "largest remainders win");
    }
}
