// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CheatCodes} from "../utils/Test.sol";
import {Merkle} from "../utils/Merkle.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {Settlement} from "../../src/Settlement.sol";
import {RoyaltySplitter} from "../../src/RoyaltySplitter.sol";
import {HolderDistributor} from "../../src/HolderDistributor.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../../src/interfaces/IHolderDistributor.sol";

/// @dev One royalty stream feeding one asset's holders: `holdersIndex` is the distributor's place
/// among the payees.
struct PayoutStream {
    uint256 id;
    address[] payees;
    uint16[] bps;
    uint256 holdersIndex;
}

/// @dev Drives the splitter and the distributor together over two assets, each funded from its own
/// stream: the operator's pipeline (fundFromSplitter with new roots, pushes, recovery of plain
/// transfers) interleaved with strangers calling distribute and withdraw at any time, payees
/// withdrawing, holders claiming, and addresses frozen and unfrozen. Ghost totals in the manner of
/// 0xSplits' warehouse invariant (received == withdrawn + held). Calls that must never revert are
/// wrapped in try/catch and counted, since the invariant run ignores reverts.
/// Only cheatcodes are inherited: no public helper becomes a fuzz target.
contract PayoutFlowHandler is CheatCodes {
    uint256 public constant ASSETS = 2;
    address internal constant STRANGER = address(0x5757);
    address internal constant SINK = address(0x5111);

    TestUSD internal usd;
    Settlement internal settlement;
    RoyaltySplitter internal splitter;
    HolderDistributor internal distributor;
    PayoutStream[2] internal streams;
    address[] public payees;
    address[] public holders;
    /// @dev Every address that can receive money here (payees, then holders).
    address[] internal watched;
    mapping(uint256 k => uint256[]) internal cumulative;
    mapping(uint256 k => bytes32[]) internal trees;

    uint256 public ghostSplitterIn;
    uint256 public ghostSplitterOut;
    uint256[2] public ghostReleased;
    uint256 public ghostPlainOutstanding;
    uint256 public ghostFrozenPaid;
    uint256 public ghostFundMismatches;
    uint256 public ghostRecoverMismatches;
    uint256 public ghostDistributorPaidAsPayee;
    uint256 public ghostUnexpectedReverts;

    constructor(
        TestUSD usd_,
        Settlement settlement_,
        RoyaltySplitter splitter_,
        HolderDistributor distributor_,
        PayoutStream memory a,
        PayoutStream memory b,
        address[] memory payees_,
        address[] memory holders_
    ) {
        usd = usd_;
        settlement = settlement_;
        splitter = splitter_;
        distributor = distributor_;
        _store(0, a);
        _store(1, b);
        payees = payees_;
        holders = holders_;
        for (uint256 i = 0; i < payees_.length; ++i) watched.push(payees_[i]);
        for (uint256 i = 0; i < holders_.length; ++i) watched.push(holders_[i]);
        for (uint256 k = 0; k < ASSETS; ++k) cumulative[k] = new uint256[](holders_.length);
    }

    /// @dev Any address frozen before the call must not have more stablecoin after it.
    modifier frozenStayUnpaid() {
        uint256 n = watched.length;
        bool[] memory frozen = new bool[](n);
        uint256[] memory before = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            frozen[i] = _isFrozen(watched[i]);
            before[i] = usd.balanceOf(watched[i]);
        }
        _;
        for (uint256 i = 0; i < n; ++i) {
            if (frozen[i] && usd.balanceOf(watched[i]) > before[i]) ++ghostFrozenPaid;
        }
    }

    // ------------------------------------------------------------ money in

    function fundStream(uint256 k, uint256 amount) external {
        PayoutStream storage s = streams[k % ASSETS];
        amount = 1 + amount % 100_000e6;
        usd.mint(address(this), amount);
        usd.approve(address(splitter), amount);
        splitter.fund(s.id, amount);
        ghostSplitterIn += amount;
    }

    function receiveAndAssign(uint256 k, uint256 amount, bool assign) external {
        amount = 1 + amount % 10_000e6;
        usd.mint(address(splitter), amount);
        ghostSplitterIn += amount;
        if (assign) splitter.assignReceived(streams[k % ASSETS].id, splitter.unassigned());
    }

    function plainTransferToDistributor(uint256 amount) external {
        amount = 1 + amount % 1_000e6;
        usd.mint(address(distributor), amount);
        ghostPlainOutstanding += amount;
    }

    // ------------------------------------------------------------ strangers and payees

    /// @dev A stranger distributes one stream, or both in one call.
    function strangerDistribute(uint256 k, bool both) external frozenStayUnpaid {
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](both ? 2 : 1);
        d[0] = _distribution(k % ASSETS);
        if (both) d[1] = _distribution((k % ASSETS + 1) % ASSETS);
        vm.prank(STRANGER);
        try splitter.distribute(d) {} catch {
            ++ghostUnexpectedReverts;
        }
    }

    /// @dev A stranger (or the payee itself) withdraws for a payee or for the distributor.
    function withdraw(uint256 seed, bool byPayee) external frozenStayUnpaid {
        uint256 pick = seed % (payees.length + 1);
        address target = pick == payees.length ? address(distributor) : payees[pick];
        vm.prank(byPayee ? target : STRANGER);
        try splitter.withdraw(target) returns (uint256 amount) {
            ghostSplitterOut += amount;
            if (target == address(distributor)) ++ghostDistributorPaidAsPayee;
        } catch {}
    }

    /// @dev A batch over any of the payees, the distributor and a duplicate: never reverts.
    function withdrawMany(uint256 mask) external frozenStayUnpaid {
        address[] memory all = new address[](payees.length + 2);
        for (uint256 i = 0; i < payees.length; ++i) all[i] = payees[i];
        all[payees.length] = address(distributor);
        all[payees.length + 1] = payees[0];
        uint256 count;
        for (uint256 i = 0; i < all.length; ++i) if ((mask >> i) & 1 == 1) ++count;
        address[] memory list = new address[](count);
        uint256 j;
        for (uint256 i = 0; i < all.length; ++i) if ((mask >> i) & 1 == 1) list[j++] = all[i];
        vm.prank(STRANGER);
        try splitter.withdrawMany(list) returns (uint256 total) {
            ghostSplitterOut += total;
        } catch {
            ++ghostUnexpectedReverts;
        }
    }

    function toggleFreeze(uint256 seed) external {
        address account = watched[seed % watched.length];
        settlement.setFrozen(account, !_isFrozen(account));
    }

    // ------------------------------------------------------------ the operator's pipeline

    /// @dev A new period for asset k: allots part of what the pool will hold (its surplus plus the
    /// stream's holders' share, computed up front) to the holders, then funds in one call.
    function fundHolders(uint256 k, uint256 seed) external frozenStayUnpaid {
        k %= ASSETS;
        uint256 expected = _expectedRelease(k);
        (uint256[] memory next, uint256 total) = _nextPeriod(k, expected, seed);
        bytes32[] memory tree = _treeOf(k, next);
        try distributor.fundFromSplitter(splitter, _distribution(k), k + 1, tree[0], total) returns (uint256 amount) {
            if (amount != expected) ++ghostFundMismatches;
            ghostReleased[k] += amount;
            ghostSplitterOut += amount;
            cumulative[k] = next;
            trees[k] = tree;
        } catch {
            ++ghostUnexpectedReverts;
        }
    }

    /// @dev Holder i claims asset k (anyone may submit): may revert when frozen or nothing is owed.
    function claim(uint256 k, uint256 seed) external frozenStayUnpaid {
        k %= ASSETS;
        if (trees[k].length == 0) return;
        try distributor.claim(_claimOf(k, seed % holders.length)) {} catch {}
    }

    /// @dev One holder's claims on both assets, plus a forged entry and a duplicate: never reverts.
    function claimMany(uint256 seed) external frozenStayUnpaid {
        if (trees[0].length == 0 || trees[1].length == 0) return;
        uint256 i = seed % holders.length;
        IHolderDistributor.Claim[] memory claims = new IHolderDistributor.Claim[](4);
        claims[0] = _claimOf(0, i);
        claims[1] = _claimOf(1, i);
        claims[1].cumulative += (seed >> 8) % 2; // sometimes forged: skipped
        claims[2] = _claimOf(0, i);
        claims[3] = _claimOf(1, (i + 1) % holders.length);
        try distributor.claimMany(claims) {} catch {
            ++ghostUnexpectedReverts;
        }
    }

    function push(uint256 k, uint256 mask) external frozenStayUnpaid {
        k %= ASSETS;
        if (trees[k].length == 0 || mask % (1 << holders.length) == 0) return;
        (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags) = _pushOf(k, mask);
        try distributor.push(k + 1, entries, proof, flags) {} catch {
            ++ghostUnexpectedReverts;
        }
    }

    function recover() external {
        uint256 free = distributor.unallocated();
        if (free == 0) return;
        if (free != ghostPlainOutstanding) ++ghostRecoverMismatches;
        try distributor.recoverUnallocated(SINK) returns (uint256 amount) {
            ghostPlainOutstanding -= amount;
        } catch {
            ++ghostUnexpectedReverts;
        }
    }

    // ------------------------------------------------------------ views for the invariants

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    function payeeCount() external view returns (uint256) {
        return payees.length;
    }

    function streamIdOf(uint256 k) external view returns (uint256) {
        return streams[k].id;
    }

    // ------------------------------------------------------------ internals

    function _store(uint256 k, PayoutStream memory s) private {
        streams[k].id = s.id;
        streams[k].payees = s.payees;
        streams[k].bps = s.bps;
        streams[k].holdersIndex = s.holdersIndex;
    }

    /// @dev What fundFromSplitter must release for asset k: the stream's holders' share so far plus
    /// the distributor's part of what is still undistributed (by the reference split).
    function _expectedRelease(uint256 k) private view returns (uint256 expected) {
        PayoutStream storage s = streams[k];
        expected = splitter.holdersShareOf(s.id);
        uint256 pending = splitter.undistributed(s.id);
        if (pending != 0) expected += splitter.previewSplit(pending, s.bps)[s.holdersIndex];
    }

    /// @dev New cumulative amounts: a random part of what the pool will hold beyond the current
    /// entitlement, spread unevenly over the holders (never more than is there).
    function _nextPeriod(uint256 k, uint256 expected, uint256 seed) private view returns (uint256[] memory next, uint256 total) {
        (, uint256 funded,, uint256 entitled) = distributor.poolOf(k + 1);
        uint256 budget = (funded + expected - entitled) * (seed % 101) / 100;
        next = cumulative[k];
        for (uint256 i = 0; i < next.length; ++i) {
            next[i] += budget * (1 + uint256(keccak256(abi.encode(seed, i))) % 100) / (100 * next.length);
            total += next[i];
        }
    }

    /// @dev Entries (in multiproof order) and multiproof for the holders of asset k picked by `mask`.
    function _pushOf(uint256 k, uint256 mask)
        private
        view
        returns (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags)
    {
        uint256 count;
        for (uint256 i = 0; i < holders.length; ++i) if ((mask >> i) & 1 == 1) ++count;
        uint256[] memory picked = new uint256[](count);
        uint256 j;
        for (uint256 i = 0; i < holders.length; ++i) if ((mask >> i) & 1 == 1) picked[j++] = i;
        uint256[] memory ordered;
        (ordered, proof, flags) = Merkle.heapMultiProof(trees[k], picked);
        entries = new IHolderDistributor.PushEntry[](count);
        for (uint256 e = 0; e < count; ++e) {
            uint256 h = ordered[e];
            entries[e] = IHolderDistributor.PushEntry({index: h, account: holders[h], cumulative: cumulative[k][h]});
        }
    }

    function _distribution(uint256 k) private view returns (IRoyaltySplitter.Distribution memory) {
        return IRoyaltySplitter.Distribution({streamId: streams[k].id, payees: streams[k].payees, bps: streams[k].bps});
    }

    function _treeOf(uint256 k, uint256[] memory amounts) private view returns (bytes32[] memory) {
        bytes32[] memory leaves = new bytes32[](amounts.length);
        for (uint256 i = 0; i < amounts.length; ++i) leaves[i] = distributor.leaf(k + 1, i, holders[i], amounts[i]);
        return Merkle.heapTree(leaves);
    }

    function _claimOf(uint256 k, uint256 i) private view returns (IHolderDistributor.Claim memory) {
        return IHolderDistributor.Claim({
            assetId: k + 1,
            index: i,
            account: holders[i],
            cumulative: cumulative[k][i],
            proof: Merkle.heapProof(trees[k], i)
        });
    }

    function _isFrozen(address account) private view returns (bool frozen) {
        (, frozen,) = settlement.complianceOf(account);
    }
}
