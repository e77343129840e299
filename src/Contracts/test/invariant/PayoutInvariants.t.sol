// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "../utils/Fixture.sol";
import {CheatCodes} from "../utils/Test.sol";
import {Merkle} from "../utils/Merkle.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {RoyaltySplitter} from "../../src/RoyaltySplitter.sol";
import {HolderDistributor} from "../../src/HolderDistributor.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../../src/interfaces/IHolderDistributor.sol";
import {PayoutFlowHandler, PayoutStream} from "./PayoutFlowHandler.sol";

contract SplitterHandler is CheatCodes {
    TestUSD internal usd;
    RoyaltySplitter internal splitter;
    uint256 internal stream;
    address[] public payees;
    uint16[] internal bps;
    uint256 public ghostReceived;
    uint256 public ghostWithdrawn;
    uint256 public ghostDistributions;

    constructor(TestUSD usd_, RoyaltySplitter splitter_, uint256 stream_, address[] memory payees_, uint16[] memory bps_) {
        usd = usd_;
        splitter = splitter_;
        stream = stream_;
        payees = payees_;
        bps = bps_;
    }

    function payeeCount() external view returns (uint256) {
        return payees.length;
    }

    function fund(uint256 amount) external {
        amount = 1 + amount % 1_000_000e6;
        usd.mint(address(this), amount);
        usd.approve(address(splitter), amount);
        splitter.fund(stream, amount);
        ghostReceived += amount;
    }

    function receiveAndAssign(uint256 amount, bool assign) external {
        amount = 1 + amount % 10_000e6;
        usd.mint(address(splitter), amount);
        ghostReceived += amount;
        if (assign) splitter.assignReceived(stream, splitter.unassigned());
    }

    function distribute() external {
        IRoyaltySplitter.Distribution[] memory d = new IRoyaltySplitter.Distribution[](1);
        d[0] = IRoyaltySplitter.Distribution({streamId: stream, payees: payees, bps: bps});
        splitter.distribute(d);
        ++ghostDistributions;
    }

    function withdraw(uint256 seed) external {
        address payee = payees[seed % payees.length];
        if (splitter.withdrawable(payee) == 0) return;
        ghostWithdrawn += splitter.withdraw(payee);
    }
}

contract DistributorHandler is CheatCodes {
    uint256 internal constant ASSET = 1;
    TestUSD internal usd;
    HolderDistributor internal distributor;
    address[] public holders;
    uint256[] internal cumulative;
    bytes32[] internal tree;
    uint256 public ghostFunded;
    uint256 public ghostPaid;

    constructor(TestUSD usd_, HolderDistributor distributor_, address[] memory holders_) {
        usd = usd_;
        distributor = distributor_;
        holders = holders_;
        cumulative = new uint256[](holders_.length);
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    /// @dev A new period: random new entitlements on top of the old ones, fully funded.
    function newPeriod(uint256 seed) external {
        bytes32[] memory leaves = new bytes32[](holders.length);
        uint256 added;
        uint256 total;
        for (uint256 i = 0; i < holders.length; ++i) {
            uint256 extra = uint256(keccak256(abi.encode(seed, i))) % 1_000e6;
            cumulative[i] += extra;
            added += extra;
            total += cumulative[i];
            leaves[i] = distributor.leaf(ASSET, i, holders[i], cumulative[i]);
        }
        tree = Merkle.heapTree(leaves);
        usd.mint(address(this), added);
        usd.approve(address(distributor), added);
        distributor.fund(ASSET, added, tree[0], total);
        ghostFunded += added;
    }

    function claim(uint256 seed) external {
        if (tree.length == 0) return;
        uint256 i = seed % holders.length;
        if (cumulative[i] <= distributor.claimed(ASSET, i)) return;
        ghostPaid += distributor.claim(
            IHolderDistributor.Claim({assetId: ASSET, index: i, account: holders[i], cumulative: cumulative[i], proof: Merkle.heapProof(tree, i)})
        );
    }

    function pushSome(uint256 mask) external {
        if (tree.length == 0) return;
        uint256 count;
        for (uint256 i = 0; i < holders.length; ++i) if ((mask >> i) & 1 == 1) ++count;
        if (count == 0) return;
        uint256[] memory picked = new uint256[](count);
        uint256 k;
        for (uint256 i = 0; i < holders.length; ++i) if ((mask >> i) & 1 == 1) picked[k++] = i;
        (uint256[] memory ordered, bytes32[] memory proof, bool[] memory flags) = Merkle.heapMultiProof(tree, picked);
        IHolderDistributor.PushEntry[] memory entries = new IHolderDistributor.PushEntry[](count);
        uint256 owed;
        for (uint256 i = 0; i < count; ++i) {
            uint256 h = ordered[i];
            entries[i] = IHolderDistributor.PushEntry({index: h, account: holders[h], cumulative: cumulative[h]});
            owed += cumulative[h] - distributor.claimed(ASSET, h);
        }
        distributor.push(ASSET, entries, proof, flags);
        ghostPaid += owed;
    }
}

contract PayoutInvariantTest is Fixture {
    SplitterHandler internal splitterHandler;
    DistributorHandler internal distributorHandler;

    function setUp() public override {
        super.setUp();
        address[] memory payees = new address[](7);
        uint16[] memory bps = new uint16[](7);
        uint16[7] memory shares = [uint16(1), 3_333, 1_111, 2_222, 7, 3_000, 326];
        for (uint256 i = 0; i < 7; ++i) {
            payees[i] = address(uint160(0xE000 + i));
            bps[i] = shares[i];
        }
        uint256 stream = splitter.createStream(payees, bps);
        splitterHandler = new SplitterHandler(usd, splitter, stream, payees, bps);
        splitter.grantRole(splitter.OPERATOR_ROLE(), address(splitterHandler));

        address[] memory holders = new address[](6);
        for (uint256 i = 0; i < 6; ++i) holders[i] = address(uint160(0xF000 + i));
        distributorHandler = new DistributorHandler(usd, distributor, holders);
        distributor.grantRole(distributor.OPERATOR_ROLE(), address(distributorHandler));
        usd.grantRole(usd.MINTER_ROLE(), address(splitterHandler));
        usd.grantRole(usd.MINTER_ROLE(), address(distributorHandler));
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](2);
        targets[0] = address(splitterHandler);
        targets[1] = address(distributorHandler);
    }

    function invariant_splitterConservesValue() public view {
        uint256 owed;
        for (uint256 i = 0; i < splitterHandler.payeeCount(); ++i) owed += splitter.withdrawable(splitterHandler.payees(i));
        uint256 held = usd.balanceOf(address(splitter));
        assertEq(held, owed + splitter.undistributed(1) + splitter.unassigned(), "held == payees + undistributed + unassigned");
        assertEq(splitterHandler.ghostReceived(), splitterHandler.ghostWithdrawn() + held, "received == withdrawn + held");
    }

    function invariant_distributorConservesValue() public view {
        (, uint256 funded, uint256 paid, uint256 entitled) = distributor.poolOf(1);
        uint256 claimedSum;
        for (uint256 i = 0; i < distributorHandler.holderCount(); ++i) claimedSum += distributor.claimed(1, i);
        assertLe(paid, entitled, "paid <= entitled");
        assertLe(entitled, funded, "entitled <= funded");
        assertEq(claimedSum, paid, "sum of per-holder claims == paid");
        assertEq(funded, distributorHandler.ghostFunded(), "funded");
        assertEq(paid, distributorHandler.ghostPaid(), "paid matches what handlers saw");
        assertEq(usd.balanceOf(address(distributor)), funded - paid, "held == funded - paid");
        uint256 received;
        for (uint256 i = 0; i < distributorHandler.holderCount(); ++i) received += usd.balanceOf(distributorHandler.holders(i));
        assertEq(received, paid, "holders received exactly what was paid");
    }
}

/// @dev The splitter and the distributor driven together (see {PayoutFlowHandler}): two assets,
/// each funded from its own stream, with strangers, payees, holders and freezes interleaved.
contract PayoutFlowInvariantTest is Fixture {
    PayoutFlowHandler internal handler;

    function setUp() public override {
        super.setUp();
        address artist = address(0xA1);
        address label = address(0xA2);
        address producer = address(0xA3);
        PayoutStream memory a = _stream([artist, address(distributor), label], [uint16(2_501), 5_999, 1_500], 1);
        PayoutStream memory b = _stream([producer, label, address(distributor)], [uint16(3_333), 1_667, 5_000], 2);
        address[] memory payees = new address[](3);
        payees[0] = artist;
        payees[1] = label;
        payees[2] = producer;
        address[] memory holders = new address[](6);
        for (uint256 i = 0; i < 6; ++i) holders[i] = address(uint160(0xF100 + i));
        handler = new PayoutFlowHandler(usd, settlement, splitter, distributor, a, b, payees, holders);
        splitter.grantRole(splitter.OPERATOR_ROLE(), address(handler));
        distributor.grantRole(distributor.OPERATOR_ROLE(), address(handler));
        distributor.grantRole(distributor.DEFAULT_ADMIN_ROLE(), address(handler));
        settlement.grantRole(settlement.AGENT_ROLE(), address(handler));
        usd.grantRole(usd.MINTER_ROLE(), address(handler));
    }

    function _stream(address[3] memory who, uint16[3] memory shares, uint256 holdersIndex) internal returns (PayoutStream memory s) {
        s.payees = new address[](3);
        s.bps = new uint16[](3);
        for (uint256 i = 0; i < 3; ++i) {
            s.payees[i] = who[i];
            s.bps[i] = shares[i];
        }
        s.holdersIndex = holdersIndex;
        s.id = splitter.createStream(s.payees, s.bps);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function _owed() internal view returns (uint256 owed, uint256 paidTotal) {
        for (uint256 k = 0; k < handler.ASSETS(); ++k) {
            (, uint256 funded, uint256 paid,) = distributor.poolOf(k + 1);
            owed += funded - paid;
            paidTotal += paid;
        }
    }

    function invariant_everyPoolIsFundedFromItsOwnStreamAndCovered() public view {
        for (uint256 k = 0; k < handler.ASSETS(); ++k) {
            (, uint256 funded, uint256 paid, uint256 entitled) = distributor.poolOf(k + 1);
            assertGe(funded, entitled, "funded >= totalEntitled");
            assertGe(entitled, paid, "totalEntitled >= paid");
            assertEq(funded, handler.ghostReleased(k), "a pool holds exactly its own stream's releases");
            uint256 bound = distributor.streamOf(k + 1);
            assertTrue(bound == 0 || bound == handler.streamIdOf(k), "bound to its own stream");
        }
        (uint256 owed,) = _owed();
        assertGe(usd.balanceOf(address(distributor)), owed, "funded - paid is covered");
        assertEq(handler.ghostFundMismatches(), 0, "fundFromSplitter funds exactly the stream's holders' share");
    }

    function invariant_distributorHoldsWhatItOwesPlusPlainTransfersOnly() public view {
        (uint256 owed, uint256 paidTotal) = _owed();
        uint256 free = distributor.unallocated();
        assertEq(usd.balanceOf(address(distributor)), owed + free, "held == sum of (funded - paid) + unallocated");
        assertEq(free, handler.ghostPlainOutstanding(), "unallocated == plain transfers not yet recovered");
        assertEq(handler.ghostRecoverMismatches(), 0, "recovery only ever saw plain transfers");
        uint256 received;
        for (uint256 i = 0; i < handler.holderCount(); ++i) received += usd.balanceOf(handler.holders(i));
        assertEq(received, paidTotal, "holders received exactly what was paid");
    }

    function invariant_splitterConservesValue() public view {
        uint256 credits;
        uint256 payeeBalances;
        for (uint256 i = 0; i < handler.payeeCount(); ++i) {
            credits += splitter.withdrawable(handler.payees(i));
            payeeBalances += usd.balanceOf(handler.payees(i));
        }
        assertEq(splitter.withdrawable(address(distributor)), 0, "the distributor never has a payee balance");
        uint256 inStreams;
        for (uint256 k = 0; k < handler.ASSETS(); ++k) {
            uint256 id = handler.streamIdOf(k);
            inStreams += splitter.undistributed(id) + splitter.holdersShareOf(id);
        }
        uint256 held = usd.balanceOf(address(splitter));
        assertEq(held, inStreams + credits + splitter.unassigned(), "held == undistributed + holders' shares + credits + unassigned");
        assertEq(handler.ghostSplitterIn(), handler.ghostSplitterOut() + held, "received == withdrawn + released + held");
        assertEq(payeeBalances, handler.ghostSplitterOut() - handler.ghostReleased(0) - handler.ghostReleased(1), "payees got what was withdrawn");
        assertEq(handler.ghostDistributorPaidAsPayee(), 0, "withdraw(distributor) never paid");
    }

    function invariant_frozenAddressesAreNeverPaid() public view {
        assertEq(handler.ghostFrozenPaid(), 0, "no frozen address gained stablecoin");
    }

    function invariant_batchPathsNeverRevert() public view {
        assertEq(handler.ghostUnexpectedReverts(), 0, "distribute, withdrawMany, claimMany, push and fundFromSplitter never reverted");
    }

    /// @dev The handler really moves money on every path (so the invariants are not vacuous).
    function test_handler_drivesTheWholeFlow() public {
        handler.fundStream(0, 1_000e6);
        handler.fundStream(1, 3_000e6);
        handler.strangerDistribute(0, true);
        handler.withdraw(3, false); // a stranger's withdraw(distributor): refused, nothing paid
        handler.fundHolders(1, 100);
        handler.fundHolders(0, 77);
        handler.toggleFreeze(3); // the first holder
        handler.claimMany(0);
        handler.push(1, 0x3f);
        handler.claim(0, 1);
        handler.toggleFreeze(3);
        handler.claim(0, 0);
        handler.withdrawMany(0x1f);
        handler.plainTransferToDistributor(5e6);
        handler.recover();
        handler.fundHolders(0, 77); // idempotent retry
        assertEq(handler.ghostUnexpectedReverts(), 0, "no unexpected revert");
        assertEq(handler.ghostFundMismatches(), 0, "exact funding");
        assertEq(handler.ghostFrozenPaid(), 0, "frozen not paid");
        (, uint256 fundedA, uint256 paidA,) = distributor.poolOf(1);
        (, uint256 fundedB, uint256 paidB,) = distributor.poolOf(2);
        // The handler funds 1 + amount: 5,999 bps of 1,000,000,001 and 5,000 bps of 3,000,000,001,
        // each with the leftover unit (largest remainder).
        assertEq(fundedA, 599_900_001, "stream A's holders' share");
        assertEq(fundedB, 1_500_000_001, "stream B's holders' share");
        assertTrue(paidA != 0 && paidB != 0, "holders were paid on both assets");
        assertEq(usd.balanceOf(address(0x5111)), 5e6 + 1, "the plain transfer was recovered");
        invariant_distributorHoldsWhatItOwesPlusPlainTransfersOnly();
        invariant_splitterConservesValue();
    }
}
