// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RouterBase} from "./utils/RouterBase.sol";
import {Merkle} from "./utils/Merkle.sol";
import {IPayoutRouter} from "../src/interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../src/interfaces/IHolderDistributor.sol";

/// @dev Money is conserved by a two-asset call with random parts from both sources, with or
/// without the holders' pool, with a frozen payee and holder or not: every unit leaves the deposits
/// and the funder's wallet for the treasury, the payees, the holders or a kept credit (splitter,
/// distributor pool), and the router keeps none.
contract PayoutRouterFuzzTest is RouterBase {
    uint256 internal constant CAP = 1e16;

    struct Parts {
        uint256 deposit;
        uint256 depositFees;
        uint256 depositToStream;
        uint256 walletFees;
        uint256 walletToStream;
    }

    function _parts(uint256 seed) internal pure returns (Parts memory parts) {
        parts.deposit = bound(uint256(keccak256(abi.encode(seed, 0))), 0, 1e15);
        parts.depositFees = bound(uint256(keccak256(abi.encode(seed, 1))), 0, parts.deposit);
        parts.depositToStream = bound(uint256(keccak256(abi.encode(seed, 2))), 0, parts.deposit - parts.depositFees);
        parts.walletFees = bound(uint256(keccak256(abi.encode(seed, 3))), 0, 1e14);
        parts.walletToStream = bound(uint256(keccak256(abi.encode(seed, 4))), 0, 1e15);
    }

    /// @dev Every holder is owed a fifth of the stream's holders' share (the last one the remainder),
    /// and all of them are pushed.
    function _fundAndPushAll(IPayoutRouter.Payout memory p, uint256 toStream) internal view {
        uint256 share = splitter.previewSplit(toStream, p.split.bps)[1]; // the distributor is the second payee
        uint256 n = holders.length;
        bytes32[] memory leaves = new bytes32[](n);
        IHolderDistributor.PushEntry[] memory entries = new IHolderDistributor.PushEntry[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 owed = i + 1 < n ? share / n : share - (n - 1) * (share / n);
            leaves[i] = distributor.leaf(p.assetId, i, holders[i], owed);
            entries[i] = IHolderDistributor.PushEntry({index: i, account: holders[i], cumulative: owed});
        }
        bytes32[] memory tree = Merkle.heapTree(leaves);
        uint256[] memory picked = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) picked[i] = i;
        (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
        IHolderDistributor.PushEntry[] memory inOrder = new IHolderDistributor.PushEntry[](n);
        for (uint256 i = 0; i < n; ++i) inOrder[i] = entries[ordered[i]];
        p.fundHolders = true;
        p.root = tree[0];
        p.totalEntitled = share;
        p.pushes = inOrder;
        p.proof = proof;
        p.proofFlags = flags;
    }

    function _payoutOf(uint256 assetId, IRoyaltySplitter.Distribution memory split, Parts memory parts, bool fundHolders)
        internal
        returns (IPayoutRouter.Payout memory p)
    {
        _deposit(assetId, parts.deposit);
        p = _payout(assetId, split);
        p.depositFees = parts.depositFees;
        p.depositToStream = parts.depositToStream;
        p.funder = funder;
        p.walletFees = parts.walletFees;
        p.walletToStream = parts.walletToStream;
        p.withdrawPayees = _artistAndLabel();
        if (fundHolders) _fundAndPushAll(p, parts.depositToStream + parts.walletToStream);
    }

    function _total() internal view returns (uint256 sum) {
        address[9] memory fixedOnes = [
            treasury,
            artist,
            label,
            funder,
            receivers.receiverOf(ASSET_A),
            receivers.receiverOf(ASSET_B),
            address(splitter),
            address(distributor),
            address(router)
        ];
        for (uint256 i = 0; i < fixedOnes.length; ++i) sum += usd.balanceOf(fixedOnes[i]);
        for (uint256 i = 0; i < holders.length; ++i) sum += usd.balanceOf(holders[i]);
    }

    function testFuzz_execute_conservesMoney(uint256 seedA, uint256 seedB, bool holdersA, bool holdersB, bool frozen) public {
        usd.mint(funder, 2 * 1e15 + 2 * 1e14);
        _authorize(CAP, block.timestamp + 1 days);
        if (frozen) {
            settlement.setFrozen(label, true);
            settlement.setFrozen(holders[2], true);
        }
        Parts memory a = _parts(seedA);
        Parts memory b = _parts(seedB);
        IPayoutRouter.Payout[] memory payouts = new IPayoutRouter.Payout[](2);
        payouts[0] = _payoutOf(ASSET_A, splitA, a, holdersA);
        payouts[1] = _payoutOf(ASSET_B, splitB, b, holdersB);

        uint256 before = _total();
        uint256 funderBefore = usd.balanceOf(funder);
        router.execute(payouts, treasury);

        assertEq(_total(), before, "money conserved");
        _assertRouterEmpty();
        uint256 fees = a.depositFees + a.walletFees + b.depositFees + b.walletFees;
        uint256 wallet = a.walletFees + a.walletToStream + b.walletFees + b.walletToStream;
        assertEq(usd.balanceOf(treasury), fees, "treasury got exactly the fees");
        assertEq(usd.balanceOf(funder), funderBefore - wallet, "funder charged exactly");
        assertEq(_spent(), wallet, "authorization spent exactly");
        assertEq(receivers.balanceOf(ASSET_A), a.deposit - a.depositFees - a.depositToStream, "A's deposit rest kept");
        assertEq(receivers.balanceOf(ASSET_B), b.deposit - b.depositFees - b.depositToStream, "B's deposit rest kept");
        // What is still held is exactly what is still owed.
        uint256 credits = splitter.withdrawable(label) + splitter.withdrawable(artist) + splitter.holdersShareOf(splitA.streamId)
            + splitter.holdersShareOf(splitB.streamId);
        assertEq(usd.balanceOf(address(splitter)), credits, "splitter holds only credits");
        assertEq(splitter.withdrawable(artist), 0, "the unfrozen payee is paid in full");
        if (!frozen) assertEq(splitter.withdrawable(label), 0, "the label too");
        (, uint256 fundedA, uint256 paidA,) = distributor.poolOf(ASSET_A);
        (, uint256 fundedB, uint256 paidB,) = distributor.poolOf(ASSET_B);
        assertEq(usd.balanceOf(address(distributor)), fundedA - paidA + fundedB - paidB, "distributor holds only what is owed");
        if (!frozen) assertEq(fundedA - paidA + fundedB - paidB, 0, "every holder pushed");
    }
}
