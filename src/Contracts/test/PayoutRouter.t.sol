// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RouterBase} from "./utils/RouterBase.sol";
import {IPayoutRouter} from "../src/interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";
import {IRevenueReceivers} from "../src/interfaces/IRevenueReceivers.sol";

/// @dev One transaction from a deposit or a funder's wallet to payees' and holders' wallets, for
/// one asset or several (refusals and failures: PayoutRouterFailures.t.sol).
contract PayoutRouterTest is RouterBase {
    // ------------------------------------------------------------ happy paths

    function test_execute_paysADepositOutInOneTransaction() public {
        _deposit(ASSET_A, 1_025e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositFees = 25e6;
        p.depositToStream = 1_000e6;
        p.withdrawPayees = _artistAndLabel();
        _withHoldersPaid(p, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IRevenueReceivers.DepositReleased(ASSET_A, treasury, 25e6, 1_000e6);
        vm.expectEmit(true, true, true, true);
        emit IHolderDistributor.Funded(ASSET_A, 600e6, p.root, 600e6);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.PayoutExecuted(ASSET_A, 1_025e6, address(0), 0);
        router.execute(_only(p), treasury);

        assertEq(usd.balanceOf(treasury), 25e6, "treasury");
        assertEq(usd.balanceOf(artist), 300e6, "artist paid");
        assertEq(usd.balanceOf(label), 100e6, "label paid");
        for (uint256 i = 0; i < holders.length; ++i) assertEq(usd.balanceOf(holders[i]), 40e6 * (i + 1), "holder pushed");
        (uint256 funded, uint256 paid, uint256 entitled) = _pool(ASSET_A);
        assertEq(funded, 600e6, "pool funded");
        assertEq(paid, 600e6, "pool paid out");
        assertEq(entitled, 600e6, "entitled");
        assertEq(receivers.balanceOf(ASSET_A), 0, "deposit released");
        assertEq(usd.balanceOf(address(splitter)), 0, "splitter keeps nothing");
        assertEq(usd.balanceOf(address(distributor)), 0, "distributor keeps nothing");
        _assertRouterEmpty();
    }

    function test_execute_fundsTheHoldersPoolAndLeavesItClaimableWithoutPushes() public {
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositToStream = 1_000e6;
        (bytes32[] memory tree, uint256 total) = _tree(ASSET_A, 40e6);
        p.fundHolders = true;
        p.root = tree[0];
        p.totalEntitled = total;
        router.execute(_only(p), treasury);
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(funded, 600e6, "pool funded");
        assertEq(paid, 0, "nothing pushed");
        assertEq(splitter.withdrawable(artist), 300e6, "artist credited, not withdrawn");
        distributor.claim(_claimOf(ASSET_A, tree, 2, 40e6));
        assertEq(usd.balanceOf(holders[2]), 120e6, "claimable");
        _assertRouterEmpty();
    }

    function test_execute_paysFromAWalletUnderAnAuthorization() public {
        _authorize(2_000e6, block.timestamp + 30 days);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.funder = funder;
        p.walletFees = 25e6;
        p.walletToStream = 1_000e6;
        p.withdrawPayees = _artistAndLabel();
        _withHoldersPaid(p, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.StreamFunded(splitA.streamId, address(router), 1_000e6);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.FundsCollected(funder, ASSET_A, 25e6, 1_000e6, 975e6);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.PayoutExecuted(ASSET_A, 0, funder, 1_025e6);
        router.execute(_only(p), treasury);

        assertEq(usd.balanceOf(funder), 1_000_000e6 - 1_025e6, "funder charged exactly");
        assertEq(usd.balanceOf(treasury), 25e6, "treasury");
        assertEq(usd.balanceOf(artist), 300e6, "artist");
        assertEq(usd.balanceOf(label), 100e6, "label");
        assertEq(usd.balanceOf(holders[4]), 200e6, "holders pushed");
        assertEq(_spent(), 1_025e6, "spent recorded");
        _assertRouterEmpty();
    }

    function test_execute_takesFromTheDepositThenTheWalletInOnePayout() public {
        _authorize(1_000e6, block.timestamp + 1 days);
        _deposit(ASSET_A, 410e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositFees = 10e6;
        p.depositToStream = 400e6;
        p.funder = funder;
        p.walletFees = 15e6;
        p.walletToStream = 600e6;
        p.withdrawPayees = _artistAndLabel();
        _withHoldersPaid(p, 40e6);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.PayoutExecuted(ASSET_A, 410e6, funder, 615e6);
        router.execute(_only(p), treasury);
        assertEq(usd.balanceOf(treasury), 25e6, "both fees");
        assertEq(usd.balanceOf(artist) + usd.balanceOf(label), 400e6, "payees paid from both sources");
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(funded, 600e6, "holders' share of both sources");
        assertEq(paid, 600e6);
        assertEq(receivers.balanceOf(ASSET_A), 0);
        assertEq(_spent(), 615e6);
        _assertRouterEmpty();
    }

    function test_execute_paysThreeAssetsInOneCall() public {
        _authorize(2_000e6, block.timestamp + 1 days);
        _deposit(ASSET_A, 1_025e6);
        _deposit(ASSET_C, 500e6);
        IPayoutRouter.Payout[] memory payouts = new IPayoutRouter.Payout[](3);
        payouts[0] = _payout(ASSET_A, splitA); // deposit only
        payouts[0].depositFees = 25e6;
        payouts[0].depositToStream = 1_000e6;
        payouts[1] = _payout(ASSET_B, splitB); // wallet only
        payouts[1].funder = funder;
        payouts[1].walletFees = 15e6;
        payouts[1].walletToStream = 600e6;
        payouts[2] = _payout(ASSET_C, splitC); // both
        payouts[2].depositFees = 10e6;
        payouts[2].depositToStream = 490e6;
        payouts[2].funder = funder;
        payouts[2].walletToStream = 260e6;
        _withHoldersPaid(payouts[0], 40e6);
        _withHoldersPaid(payouts[1], 20e6);
        _withHoldersPaid(payouts[2], 20e6);
        payouts[2].withdrawPayees = _artistAndLabel(); // the payees' credits of all three, paid once
        router.execute(payouts, treasury);

        assertEq(usd.balanceOf(treasury), 25e6 + 15e6 + 10e6, "every fee");
        // artist: 30% of A (1,000), 37.5% of B (600), 45% of C (750); label: 10%, 12.5%, 15%.
        assertEq(usd.balanceOf(artist), 300e6 + 225e6 + 337.5e6, "artist, three streams");
        assertEq(usd.balanceOf(label), 100e6 + 75e6 + 112.5e6, "label, three streams");
        for (uint256 i = 0; i < holders.length; ++i) {
            assertEq(usd.balanceOf(holders[i]), (40e6 + 20e6 + 20e6) * (i + 1), "holder, three pools");
        }
        assertEq(_spent(), 875e6, "wallet: B and C");
        assertEq(receivers.balanceOf(ASSET_A) + receivers.balanceOf(ASSET_C), 0, "deposits released");
        assertEq(usd.balanceOf(address(splitter)) + usd.balanceOf(address(distributor)), 0, "nothing left behind");
        _assertRouterEmpty();
    }

    /// @dev Without fundHolders the holders' share waits in the splitter, kept for that stream, and
    /// a later payout funds the pool with it.
    function test_execute_distributeOnlyKeepsTheHoldersShareForALaterPayout() public {
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositToStream = 1_000e6;
        router.execute(_only(p), treasury);
        assertEq(splitter.holdersShareOf(splitA.streamId), 600e6, "held for A's stream");
        assertEq(splitter.withdrawable(artist), 300e6, "artist credited");
        IPayoutRouter.Payout memory later = _payout(ASSET_A, splitA);
        _withHoldersPaid(later, 40e6);
        router.execute(_only(later), treasury);
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(funded, 600e6);
        assertEq(paid, 600e6);
        _assertRouterEmpty();
    }

    /// @dev The pipeline resends a payout it never saw confirmed: with no money in it, nothing is
    /// paid twice and nothing reverts.
    function test_execute_aRetryWithNothingToMoveChangesNothing() public {
        _deposit(ASSET_A, 1_000e6);
        IPayoutRouter.Payout memory p = _payout(ASSET_A, splitA);
        p.depositToStream = 1_000e6;
        p.withdrawPayees = _artistAndLabel();
        _withHoldersPaid(p, 40e6);
        router.execute(_only(p), treasury);
        p.depositToStream = 0;
        router.execute(_only(p), treasury);
        assertEq(usd.balanceOf(artist), 300e6, "paid once");
        assertEq(usd.balanceOf(holders[0]), 40e6, "pushed once");
        (uint256 funded, uint256 paid,) = _pool(ASSET_A);
        assertEq(funded, 600e6);
        assertEq(paid, 600e6);
    }
}
