// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PayoutBase} from "./utils/PayoutBase.sol";
import {RoyaltySplitter} from "../src/RoyaltySplitter.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev Tokens credited to no asset (plain transfers) can be recovered; what is owed never can.
contract HolderDistributorRecoveryTest is PayoutBase {
    address internal rescue = address(0x2E5C);
    bytes32[] internal tree;
    uint256 internal constant BASE = 10e6;

    function setUp() public override {
        super.setUp();
        uint256 total;
        (tree, total) = _tree(ASSET_A, BASE);
        distributor.fund(ASSET_A, total + 5e6, tree[0], total); // 5e6 of surplus for the next period
        distributor.claim(_claimOf(ASSET_A, tree, 4, BASE));
    }

    function test_recoverUnallocated_sendsOnlyAPlainTransfer() public {
        assertEq(distributor.unallocated(), 0, "a surplus of a pool is owed, not unallocated");
        usd.transfer(address(distributor), 42e6);
        assertEq(distributor.unallocated(), 42e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.UnallocatedRecovered(rescue, 42e6, address(this));
        assertEq(distributor.recoverUnallocated(rescue), 42e6);
        assertEq(usd.balanceOf(rescue), 42e6);
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(usd.balanceOf(address(distributor)), funded - paid, "everything owed is still held");
        vm.expectRevert(IHolderDistributor.ZeroAmount.selector);
        distributor.recoverUnallocated(rescue);
        for (uint256 i = 0; i < 4; ++i) distributor.claim(_claimOf(ASSET_A, tree, i, BASE));
        assertEq(usd.balanceOf(address(distributor)), 5e6, "every holder paid; the surplus stays");
    }

    function test_recoverUnallocated_revertsWhenOnlyOwedFundsAreHeld() public {
        vm.expectRevert(IHolderDistributor.ZeroAmount.selector);
        distributor.recoverUnallocated(rescue);
    }

    function test_recoverUnallocated_isAdminOnly() public {
        usd.transfer(address(distributor), 1e6);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        distributor.recoverUnallocated(outsider);
        address operator = address(0x0FE2);
        distributor.grantRole(distributor.OPERATOR_ROLE(), operator);
        vm.prank(operator);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, bytes32(0)));
        distributor.recoverUnallocated(operator);
    }

    function test_recoverUnallocated_revertsOnTheZeroAddress() public {
        usd.transfer(address(distributor), 1e6);
        vm.expectRevert(IHolderDistributor.ZeroAddress.selector);
        distributor.recoverUnallocated(address(0));
    }

    /// @dev A splitter that was never told about the distributor pays it as an ordinary payee:
    /// that money is credited to no asset, and is not stranded either.
    function test_recoverUnallocated_returnsAShareSentOutsideFundFromSplitter() public {
        RoyaltySplitter legacy = new RoyaltySplitter(address(this), usd);
        legacy.grantRole(legacy.OPERATOR_ROLE(), address(this));
        address[] memory payees = new address[](2);
        payees[0] = address(distributor);
        payees[1] = artist;
        uint16[] memory bps = new uint16[](2);
        bps[0] = 7_000;
        bps[1] = 3_000;
        uint256 id = legacy.createStream(payees, bps);
        usd.approve(address(legacy), 100e6);
        legacy.fund(id, 100e6);
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](1);
        d[0] = IRoyaltySplitter.Distribution({streamId: id, payees: payees, bps: bps});
        legacy.distribute(d);
        vm.prank(stranger);
        legacy.withdraw(address(distributor));
        assertEq(distributor.unallocated(), 70e6);
        assertEq(distributor.recoverUnallocated(rescue), 70e6);
    }
}
