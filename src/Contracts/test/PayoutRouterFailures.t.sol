// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RouterBase} from "./utils/RouterBase.sol";
import {PayoutRouter} from "../src/PayoutRouter.sol";
import {RoyaltySplitter} from "../src/RoyaltySplitter.sol";
import {RevenueReceivers} from "../src/RevenueReceivers.sol";
import {TestUSD} from "../src/TestUSD.sol";
import {IPayoutRouter} from "../src/interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";
import {IRevenueReceivers} from "../src/interfaces/IRevenueReceivers.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev What the router refuses (other assets' streams, tampered splits, non-operators, a zero
/// treasury, more than the funder's allowance, miswired contracts), what it defers (frozen payees
/// and holders) and that a failing step undoes the whole call.
contract PayoutRouterFailuresTest is RouterBase {
    // ------------------------------------------------------------ refusals

    /// @dev The attack: the operator names asset A (whose funder authorized it) but B's stream, or an
    /// asset with no receiver, to send wallet money where the receivers never bound it.
    function test_execute_revertsOnAStreamOfAnotherAsset() public {
        _authorize(1_000e6, block.timestamp + 1 days);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitB);
        p.funder = funder;
        p.walletToStream = 500e6;
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.StreamMismatch.selector, ASSET_A, splitB.streamId));
        router.execute(_only(p), treasury);
        p.assetId = 99; // no receiver: its stream reads as 0
        p.split = splitA;
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.StreamMismatch.selector, 99, splitA.streamId));
        router.execute(_only(p), treasury);
        p.split.streamId = 0;
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.StreamMismatch.selector, 99, 0));
        router.execute(_only(p), treasury);
        assertEq(usd.balanceOf(funder), 1_000_000e6, "nothing pulled");
        assertEq(splitter.undistributed(splitB.streamId), 0, "B's stream untouched");
        assertEq(_spent(), 0);
    }

    /// @dev The payee list is checked against the stream's stored split: it cannot be redirected.
    function test_execute_revertsOnATamperedSplit() public {
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositToStream = 1_000e6;
        p.split.payees[0] = stranger;
        vm.expectRevert(abi.encodeWithSelector(IRoyaltySplitter.SplitMismatch.selector, splitA.streamId));
        router.execute(_only(p), treasury);
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "deposit intact");
    }

    function test_execute_revertsForNonOperators() public {
        _authorize(1_000e6, block.timestamp + 1 days);
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositFees = 1_000e6;
        p.funder = funder;
        p.walletFees = 1_000e6;
        bytes32 role = router.OPERATOR_ROLE();
        address[3] memory callers = [stranger, funder, service];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, callers[i], role));
            router.execute(_only(p), callers[i]);
        }
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "deposit intact");
        assertEq(usd.balanceOf(funder), 1_000_000e6, "wallet intact");
    }

    function test_execute_revertsOnAZeroTreasury() public {
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositFees = 25e6;
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        router.execute(_only(p), address(0));
    }

    /// @dev A frozen payee's withdrawal is deferred with its credit kept, a frozen holder is not
    /// pushed and stays claimable; everyone else is paid in the same transaction.
    function test_execute_defersAFrozenPayeeAndLeavesAFrozenHolderClaimable() public {
        settlement.setFrozen(label, true);
        settlement.setFrozen(holders[3], true);
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositToStream = 1_000e6;
        p.withdrawPayees = _artistAndLabel();
        _withHoldersPaid(p, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.WithdrawalDeferred(label, 100e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.PushFailed(ASSET_A, 3, holders[3], 160e6);
        router.execute(_only(p), treasury);
        assertEq(usd.balanceOf(artist), 300e6, "artist paid");
        assertEq(usd.balanceOf(label), 0, "frozen payee not paid");
        assertEq(splitter.withdrawable(label), 100e6, "its credit kept");
        assertEq(usd.balanceOf(holders[3]), 0, "frozen holder not paid");
        assertEq(distributor.claimed(ASSET_A, 3), 0, "still claimable");
        assertEq(usd.balanceOf(holders[4]), 200e6, "the others pushed");
        _assertRouterEmpty();

        settlement.setFrozen(label, false);
        settlement.setFrozen(holders[3], false);
        (bytes32[] memory tree,) = _tree(ASSET_A, 40e6);
        distributor.claim(_claimOf(ASSET_A, tree, 3, 40e6));
        splitter.withdraw(label);
        assertEq(usd.balanceOf(holders[3]), 160e6, "claimed after unfreezing");
        assertEq(usd.balanceOf(label), 100e6, "withdrawn after unfreezing");
    }

    /// @dev The second asset's deposit is short: the first asset's release, the wallet pull and
    /// every payment before it are undone with it.
    function test_execute_aDepositShortfallRevertsTheWholeCall() public {
        _authorize(1_000e6, block.timestamp + 1 days);
        _deposit(ASSET_A, 1_000e6);
        _deposit(ASSET_B, 100e6);
        IPayoutRouter.Payout[] memory payouts = new IPayoutRouter.Payout[](2);
        payouts[0] = _payout(ASSET_A, splitA);
        payouts[0].depositFees = 25e6;
        payouts[0].depositToStream = 975e6;
        payouts[0].funder = funder;
        payouts[0].walletToStream = 500e6;
        payouts[0].withdrawPayees = _artistAndLabel();
        payouts[1] = _payout(ASSET_B, splitB);
        payouts[1].depositToStream = 100e6 + 1;
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.InsufficientDeposit.selector, ASSET_B, 100e6, 100e6 + 1));
        router.execute(payouts, treasury);
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "A's deposit intact");
        assertEq(receivers.balanceOf(ASSET_B), 100e6, "B's deposit intact");
        assertEq(usd.balanceOf(funder), 1_000_000e6, "wallet intact");
        assertEq(_spent(), 0, "authorization unspent");
        assertEq(usd.balanceOf(treasury) + usd.balanceOf(artist) + usd.balanceOf(label), 0, "nobody paid");
        assertEq(splitter.undistributed(splitA.streamId) + splitter.withdrawable(artist), 0, "splitter untouched");
    }

    /// @dev The funder's ERC-20 allowance is a second cap: the authorization alone is not enough.
    function test_execute_revertsBeyondTheFundersAllowance() public {
        _authorize(1_000e6, block.timestamp + 1 days);
        vm.prank(funder);
        usd.approve(address(router), 100e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.funder = funder;
        p.walletFees = 1e6;
        p.walletToStream = 100e6;
        vm.expectRevert();
        router.execute(_only(p), treasury);
        assertEq(usd.balanceOf(funder), 1_000_000e6, "wallet intact");
        p.walletToStream = 99e6;
        router.execute(_only(p), treasury);
        assertEq(usd.allowance(funder, address(router)), 0, "allowance used up exactly");
    }

    // ------------------------------------------------------------ construction

    function test_constructor_revertsOnAZeroAddress() public {
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        new PayoutRouter(address(0), usd, splitter, distributor, receivers);
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        new PayoutRouter(address(this), IERC20(address(0)), splitter, distributor, receivers);
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        new PayoutRouter(address(this), usd, IRoyaltySplitter(address(0)), distributor, receivers);
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        new PayoutRouter(address(this), usd, splitter, IHolderDistributor(address(0)), receivers);
        vm.expectRevert(IPayoutRouter.ZeroAddress.selector);
        new PayoutRouter(address(this), usd, splitter, distributor, IRevenueReceivers(address(0)));
    }

    /// @dev Receivers of another splitter would make a stream id name another splitter's stream.
    function test_constructor_revertsWhenTheReceiversFundAnotherSplitterOrToken() public {
        RoyaltySplitter other = new RoyaltySplitter(address(this), usd);
        vm.expectRevert(IPayoutRouter.ContractsMismatch.selector);
        new PayoutRouter(address(this), usd, other, distributor, receivers);
        TestUSD otherUsd = new TestUSD(address(this));
        vm.expectRevert(IPayoutRouter.ContractsMismatch.selector);
        new PayoutRouter(address(this), otherUsd, splitter, distributor, receivers);
        RevenueReceivers theirs = new RevenueReceivers(address(this), usd, other);
        vm.expectRevert(IPayoutRouter.ContractsMismatch.selector);
        new PayoutRouter(address(this), usd, splitter, distributor, theirs);
    }

    function test_views_nameTheWiredContracts() public view {
        assertEq(address(router.token()), address(usd));
        assertEq(address(router.splitter()), address(splitter));
        assertEq(address(router.distributor()), address(distributor));
        assertEq(address(router.receivers()), address(receivers));
        assertTrue(router.hasRole(router.DEFAULT_ADMIN_ROLE(), address(this)), "admin");
    }
}
