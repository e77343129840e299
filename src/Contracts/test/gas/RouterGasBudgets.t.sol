// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "../utils/Fixture.sol";
import {Merkle} from "../utils/Merkle.sol";
import {RevenueReceivers} from "../../src/RevenueReceivers.sol";
import {PayoutRouter} from "../../src/PayoutRouter.sol";
import {IPayoutRouter} from "../../src/interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../../src/interfaces/IHolderDistributor.sol";

/// @dev Gas budgets of the payout router, apart from GasBudgets.t.sol (which is near its size
/// limit) and with its own snapshot, snapshots/RouterGasBudgetsTest.json (committed, diffed in
/// review; scripts/forge-test.sh fails when it changes). Run with `--isolate`: every measured call
/// is its own transaction. Steady state throughout: each asset was paid out once before (the
/// treasury, payees, holders, pools and stream bindings all exist), then a new deposit of the same
/// asset is paid out: the typical later period. Each asset's stream: 70% to its holders through
/// the distributor, 22.5% and 7.5% to its own two payees.
contract RouterGasBudgetsTest is Fixture {
    uint256 internal constant BATCH = 10;
    uint256 internal constant HOLDERS = 10;

    RevenueReceivers internal receivers;
    PayoutRouter internal router;

    function setUp() public override {
        super.setUp();
        receivers = new RevenueReceivers(address(this), usd, splitter);
        router = new PayoutRouter(address(this), usd, splitter, distributor, receivers);
        receivers.grantRole(receivers.OPERATOR_ROLE(), address(this));
        receivers.grantRole(receivers.OPERATOR_ROLE(), address(router));
        distributor.grantRole(distributor.OPERATOR_ROLE(), address(router));
        router.grantRole(router.OPERATOR_ROLE(), address(this));
    }

    function _measure(string memory name) internal returns (uint256 gasUsed) {
        gasUsed = vm.lastCallGas().gasTotalUsed;
        vm.snapshotValue(name, gasUsed);
    }

    function _payees(uint256 assetId) internal pure returns (address[] memory payees) {
        payees = new address[](2);
        payees[0] = address(uint160(0xA0000 + 2 * assetId));
        payees[1] = address(uint160(0xA0001 + 2 * assetId));
    }

    /// @dev A new asset: its stream and its receiver.
    function _asset(uint256 assetId) internal returns (IRoyaltySplitter.Distribution memory split) {
        address[] memory two = _payees(assetId);
        address[] memory payees = new address[](3);
        payees[0] = two[0];
        payees[1] = address(distributor);
        payees[2] = two[1];
        uint16[] memory bps = new uint16[](3);
        bps[0] = 2_250;
        bps[1] = 7_000;
        bps[2] = 750;
        split = IRoyaltySplitter.Distribution({streamId: splitter.createStream(payees, bps), payees: payees, bps: bps});
        receivers.createReceiver(assetId, split.streamId);
    }

    /// @dev Holder i of `assetId` is owed `perHolder * period` in total after `period` periods.
    function _tree(uint256 assetId, uint256 perHolder) internal view returns (bytes32[] memory tree) {
        bytes32[] memory leaves = new bytes32[](HOLDERS);
        for (uint256 i = 0; i < HOLDERS; ++i) leaves[i] = distributor.leaf(assetId, i, _holder(i), perHolder);
        tree = Merkle.heapTree(leaves);
    }

    function _holder(uint256 i) internal pure returns (address) {
        return address(uint160(0x100000 + i));
    }

    /// @dev Period `period` of `assetId`: a deposit of 1,000 + 25 fees arrives and is paid out in
    /// full, the 700 holders' share under a tree of 70 per holder per period, pushed to all of them
    /// when `push`.
    function _period(uint256 assetId, IRoyaltySplitter.Distribution memory split, uint256 period, bool push)
        internal
        returns (IPayoutRouter.Payout memory p)
    {
        usd.mint(receivers.receiverOf(assetId), 1_025e6);
        p.assetId = assetId;
        p.depositFees = 25e6;
        p.depositToStream = 1_000e6;
        p.split = split;
        p.fundHolders = true;
        bytes32[] memory tree = _tree(assetId, 70e6 * period);
        p.root = tree[0];
        p.totalEntitled = HOLDERS * 70e6 * period;
        p.withdrawPayees = _payees(assetId);
        if (push) {
            uint256[] memory picked = new uint256[](HOLDERS);
            for (uint256 i = 0; i < HOLDERS; ++i) picked[i] = i;
            (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
            p.pushes = new IHolderDistributor.PushEntry[](HOLDERS);
            for (uint256 i = 0; i < HOLDERS; ++i) {
                p.pushes[i] = IHolderDistributor.PushEntry({index: ordered[i], account: _holder(ordered[i]), cumulative: 70e6 * period});
            }
            p.proof = proof;
            p.proofFlags = flags;
        }
    }

    function _one(IPayoutRouter.Payout memory p) internal pure returns (IPayoutRouter.Payout[] memory payouts) {
        payouts = new IPayoutRouter.Payout[](1);
        payouts[0] = p;
    }

    /// @dev One asset, steady state, with or without the push; returns the measured gas.
    function _oneAsset(bool push) internal returns (uint256) {
        vm.pauseGasMetering();
        IRoyaltySplitter.Distribution memory split = _asset(1);
        router.execute(_one(_period(1, split, 1, push)), treasury);
        IPayoutRouter.Payout[] memory payouts = _one(_period(1, split, 2, push));
        vm.resumeGasMetering();
        router.execute(payouts, treasury);
        return vm.lastCallGas().gasTotalUsed;
    }

    /// @dev A deposit paid out to two payees and the holders' pool in one transaction. The same
    /// work as separate transactions (release, fundFromSplitter, withdrawMany) is measured beside it.
    function test_gas_router_oneAsset_deposit_2Payees_holders() public {
        uint256 g = _oneAsset(false);
        vm.snapshotValue("router_one_asset", g);
        assertLe(g, 271_000, "router, one asset from a deposit");

        vm.pauseGasMetering();
        IRoyaltySplitter.Distribution memory split = _asset(2);
        router.execute(_one(_period(2, split, 1, false)), treasury);
        IPayoutRouter.Payout memory p = _period(2, split, 2, false);
        vm.resumeGasMetering();
        receivers.release(2, treasury, p.depositFees, p.depositToStream);
        uint256 separate = vm.lastCallGas().gasTotalUsed;
        distributor.fundFromSplitter(splitter, split, 2, p.root, p.totalEntitled);
        separate += vm.lastCallGas().gasTotalUsed;
        splitter.withdrawMany(p.withdrawPayees);
        separate += vm.lastCallGas().gasTotalUsed;
        vm.snapshotValue("router_one_asset_as_3_separate_txs", separate);
    }

    /// @dev The same with the asset's 10 holders pushed their share in the same transaction.
    function test_gas_router_oneAsset_deposit_2Payees_holders_push10() public {
        uint256 g = _oneAsset(true);
        vm.snapshotValue("router_one_asset_push_10_holders", g);
        assertLe(g, 459_000, "router, one asset from a deposit, push to 10 holders");
    }

    /// @dev Reported, not budgeted: the same payout funded from a wallet under a standing
    /// authorization (the funder signed once; this is a later pull) instead of a deposit.
    function test_gas_router_oneAsset_wallet_2Payees_holders() public {
        vm.pauseGasMetering();
        uint256 key = 0xF00D;
        address funder = vm.addr(key);
        usd.mint(funder, 10_000e6);
        vm.prank(funder);
        usd.approve(address(router), type(uint256).max);
        uint256 expiry = block.timestamp + 30 days;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, router.authorizationDigest(funder, 5_000e6, expiry, 0));
        router.setAuthorization(funder, 5_000e6, expiry, abi.encodePacked(r, s, v));
        IRoyaltySplitter.Distribution memory split = _asset(1);
        IPayoutRouter.Payout[] memory payouts = _one(_fromWallet(_period(1, split, 1, false), funder));
        router.execute(payouts, treasury);
        payouts = _one(_fromWallet(_period(1, split, 2, false), funder));
        vm.resumeGasMetering();
        router.execute(payouts, treasury);
        _measure("router_one_asset_from_wallet");
    }

    function _fromWallet(IPayoutRouter.Payout memory p, address funder) internal pure returns (IPayoutRouter.Payout memory) {
        (p.walletFees, p.walletToStream, p.depositFees, p.depositToStream) = (p.depositFees, p.depositToStream, 0, 0);
        p.funder = funder;
        return p;
    }

    /// @dev Ten assets in one call (no pushes): the cost of each asset after the first.
    function test_gas_router_batchOf10Assets() public {
        vm.pauseGasMetering();
        IRoyaltySplitter.Distribution[] memory splits = new IRoyaltySplitter.Distribution[](BATCH + 1);
        IPayoutRouter.Payout[] memory first = new IPayoutRouter.Payout[](BATCH);
        for (uint256 i = 0; i <= BATCH; ++i) splits[i] = _asset(i + 1);
        for (uint256 i = 0; i < BATCH; ++i) first[i] = _period(i + 1, splits[i], 1, false);
        router.execute(first, treasury);
        router.execute(_one(_period(BATCH + 1, splits[BATCH], 1, false)), treasury);
        IPayoutRouter.Payout[] memory batch = new IPayoutRouter.Payout[](BATCH);
        for (uint256 i = 0; i < BATCH; ++i) batch[i] = _period(i + 1, splits[i], 2, false);
        IPayoutRouter.Payout[] memory single = _one(_period(BATCH + 1, splits[BATCH], 2, false));
        vm.resumeGasMetering();
        router.execute(single, treasury);
        uint256 one = vm.lastCallGas().gasTotalUsed;
        router.execute(batch, treasury);
        uint256 ten = _measure("router_batch_10_assets");
        uint256 perExtra = (ten - one) / (BATCH - 1);
        vm.snapshotValue("router_batch_per_extra_asset", perExtra);
        assertLe(perExtra, 213_000, "router, each asset after the first in a batch");
    }
}
