// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReceiversBase} from "./utils/ReceiversBase.sol";
import {IRevenueReceivers, IRevenueReceiver} from "../src/interfaces/IRevenueReceivers.sol";
import {IRoyaltySplitter} from "../src/interfaces/IRoyaltySplitter.sol";
import {RevenueReceivers} from "../src/RevenueReceivers.sol";
import {RoyaltySplitter} from "../src/RoyaltySplitter.sol";
import {NoReturnToken} from "./mocks/NoReturnToken.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev Per-asset deposit addresses: creation at the predicted address, exact releases into the
/// treasury and the asset's stream, and nobody but the operator (through the factory) moving a deposit.
contract RevenueReceiversTest is ReceiversBase {
    uint256 internal streamA;
    uint256 internal streamB;

    function setUp() public override {
        super.setUp();
        streamA = _stream(6_000).streamId;
        streamB = _stream(5_000).streamId;
    }

    // ------------------------------------------------------------ createReceiver

    function test_createReceiver_deploysAtTheAddressKnownBefore() public {
        address predicted = receivers.receiverOf(ASSET_A);
        assertEq(predicted.code.length, 0, "nothing deployed yet");
        assertEq(receivers.streamOf(ASSET_A), 0, "not bound yet");
        vm.expectEmit(true, true, true, true);
        emit IRevenueReceivers.ReceiverCreated(ASSET_A, streamA, predicted);
        address receiver = receivers.createReceiver(ASSET_A, streamA);
        assertEq(receiver, predicted, "deployed where predicted");
        assertEq(receivers.receiverOf(ASSET_A), predicted, "same address after creation");
        assertEq(receivers.streamOf(ASSET_A), streamA, "bound");
        assertEq(receiver.code.length, 45, "a bare EIP-1167 clone");
        assertEq(IRevenueReceiver(receiver).factory(), address(receivers), "factory");
        assertEq(address(IRevenueReceiver(receiver).token()), address(usd), "token");
        assertEq(address(IRevenueReceiver(receiver).splitter()), address(splitter), "splitter");
        assertTrue(receivers.receiverOf(ASSET_B) != predicted, "one address per asset");
    }

    function test_createReceiver_revertsWhenAlreadyCreated() public {
        address receiver = receivers.createReceiver(ASSET_A, streamA);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.ReceiverExists.selector, ASSET_A, receiver));
        receivers.createReceiver(ASSET_A, streamB);
        assertEq(receivers.streamOf(ASSET_A), streamA, "binding unchanged");
    }

    function test_createReceiver_revertsForNonOperators() public {
        bytes32 role = receivers.OPERATOR_ROLE();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        receivers.createReceiver(ASSET_A, streamA);
        assertEq(receivers.receiverOf(ASSET_A).code.length, 0, "nothing deployed");
    }

    function test_createReceiver_revertsOnAnUnknownStream() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.UnknownStream.selector, 0));
        receivers.createReceiver(ASSET_A, 0);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.UnknownStream.selector, 99));
        receivers.createReceiver(ASSET_A, 99);
        assertEq(receivers.streamOf(ASSET_A), 0, "not bound");
    }

    // ------------------------------------------------------------ release

    function test_release_paysTheTreasuryAndTheStreamExactly() public {
        address receiver = receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 1_000e6);
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "deposit seen");
        vm.expectEmit(true, true, true, true);
        emit IRoyaltySplitter.StreamFunded(streamA, receiver, 900e6);
        vm.expectEmit(true, true, true, true);
        emit IRevenueReceivers.DepositReleased(ASSET_A, treasury, 25e6, 900e6);
        receivers.release(ASSET_A, treasury, 25e6, 900e6);
        assertEq(usd.balanceOf(treasury), 25e6, "treasury");
        assertEq(splitter.undistributed(streamA), 900e6, "stream");
        assertEq(receivers.balanceOf(ASSET_A), 75e6, "left at the receiver");
        assertEq(usd.balanceOf(receiver), 75e6, "left at the receiver");
        assertEq(usd.allowance(receiver, address(splitter)), 0, "no allowance left");
        assertEq(splitter.undistributed(streamB), 0, "other streams untouched");
    }

    function test_release_releasesWhatArrivedBeforeCreation() public {
        address predicted = receivers.receiverOf(ASSET_A);
        _deposit(ASSET_A, 1_000e6);
        assertEq(usd.balanceOf(predicted), 1_000e6, "kept at a code-less address");
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "reported before creation");
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 500e6);
        receivers.release(ASSET_A, treasury, 30e6, 1_470e6);
        assertEq(usd.balanceOf(treasury), 30e6, "treasury");
        assertEq(splitter.undistributed(streamA), 1_470e6, "stream");
        assertEq(receivers.balanceOf(ASSET_A), 0, "all released");
    }

    function test_release_skipsAZeroPart() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        receivers.release(ASSET_A, treasury, 0, 60e6);
        assertEq(usd.balanceOf(treasury), 0, "no fees");
        assertEq(splitter.undistributed(streamA), 60e6, "stream only");
        receivers.release(ASSET_A, treasury, 40e6, 0);
        assertEq(usd.balanceOf(treasury), 40e6, "fees only");
        assertEq(splitter.undistributed(streamA), 60e6, "stream unchanged");
        assertEq(receivers.balanceOf(ASSET_A), 0);
    }

    function test_release_revertsOnNothingToRelease() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        vm.expectRevert(IRevenueReceivers.ZeroAmount.selector);
        receivers.release(ASSET_A, treasury, 0, 0);
    }

    function test_release_revertsOnAZeroTreasury() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        vm.expectRevert(IRevenueReceivers.ZeroAddress.selector);
        receivers.release(ASSET_A, address(0), 1e6, 99e6);
    }

    function test_release_revertsOverTheDeposit() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.InsufficientDeposit.selector, ASSET_A, 1_000e6, 1_000e6 + 1));
        receivers.release(ASSET_A, treasury, 25e6, 975e6 + 1);
        receivers.release(ASSET_A, treasury, 25e6, 975e6); // exactly the deposit is fine
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.InsufficientDeposit.selector, ASSET_A, 0, 1));
        receivers.release(ASSET_A, treasury, 1, 0);
    }

    function test_release_revertsForAnAssetWithoutReceiver() public {
        _deposit(ASSET_B, 100e6); // tokens at the address do not make it a receiver
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.UnknownReceiver.selector, ASSET_B));
        receivers.release(ASSET_B, treasury, 1e6, 99e6);
        assertEq(receivers.balanceOf(ASSET_B), 100e6, "kept for after creation");
    }

    function test_release_revertsForNonOperators() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        bytes32 role = receivers.OPERATOR_ROLE();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        receivers.release(ASSET_A, stranger, 100e6, 0);
        vm.prank(service); // the payer has no claim on what it paid either
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, service, role));
        receivers.release(ASSET_A, service, 100e6, 0);
        assertEq(receivers.balanceOf(ASSET_A), 100e6, "deposit intact");
    }

    function test_receiverRelease_revertsForAnyCallerButTheFactory() public {
        address receiver = receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceiver.NotFactory.selector, stranger));
        IRevenueReceiver(receiver).release(stranger, 100e6, 0, 0);
        // Not even the operator or the admin, directly: only through the factory's checks.
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceiver.NotFactory.selector, address(this)));
        IRevenueReceiver(receiver).release(address(this), 0, streamB, 100e6);
        address implementation = receivers.receiverImplementation();
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceiver.NotFactory.selector, address(this)));
        IRevenueReceiver(implementation).release(address(this), 1, 0, 0);
        assertEq(usd.balanceOf(receiver), 100e6, "deposit intact");
    }

    function testFuzz_release_movesExactlyTheParts(uint256 deposit, uint256 fees, uint256 toStream) public {
        deposit = bound(deposit, 1, 1e15);
        fees = bound(fees, 0, deposit);
        toStream = bound(toStream, fees == 0 ? 1 : 0, deposit - fees);
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, deposit);
        receivers.release(ASSET_A, treasury, fees, toStream);
        assertEq(usd.balanceOf(treasury), fees, "treasury");
        assertEq(splitter.undistributed(streamA), toStream, "stream");
        assertEq(receivers.balanceOf(ASSET_A), deposit - fees - toStream, "left");
    }

    // ------------------------------------------------------------ releaseMany

    function _two(uint256 feesA, uint256 toStreamA, uint256 feesB, uint256 toStreamB)
        internal
        pure
        returns (IRevenueReceivers.Release[] memory r)
    {
        r = new IRevenueReceivers.Release[](2);
        r[0] = IRevenueReceivers.Release({assetId: ASSET_A, fees: feesA, toStream: toStreamA});
        r[1] = IRevenueReceivers.Release({assetId: ASSET_B, fees: feesB, toStream: toStreamB});
    }

    function test_releaseMany_releasesEachAssetIntoItsOwnStream() public {
        _deposit(ASSET_B, 200e6); // before creation
        receivers.createReceiver(ASSET_A, streamA);
        receivers.createReceiver(ASSET_B, streamB);
        _deposit(ASSET_A, 1_000e6);
        vm.expectEmit(true, true, true, true);
        emit IRevenueReceivers.DepositReleased(ASSET_A, treasury, 25e6, 975e6);
        vm.expectEmit(true, true, true, true);
        emit IRevenueReceivers.DepositReleased(ASSET_B, treasury, 5e6, 190e6);
        receivers.releaseMany(_two(25e6, 975e6, 5e6, 190e6), treasury);
        assertEq(usd.balanceOf(treasury), 30e6, "treasury, both fees");
        assertEq(splitter.undistributed(streamA), 975e6, "stream A");
        assertEq(splitter.undistributed(streamB), 190e6, "stream B");
        assertEq(receivers.balanceOf(ASSET_A), 0, "A released");
        assertEq(receivers.balanceOf(ASSET_B), 5e6, "B keeps the rest");
    }

    function test_releaseMany_isAllOrNothing() public {
        receivers.createReceiver(ASSET_A, streamA);
        receivers.createReceiver(ASSET_B, streamB);
        _deposit(ASSET_A, 1_000e6);
        _deposit(ASSET_B, 100e6);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.InsufficientDeposit.selector, ASSET_B, 100e6, 101e6));
        receivers.releaseMany(_two(25e6, 975e6, 1e6, 100e6), treasury);
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "A untouched");
        assertEq(usd.balanceOf(treasury), 0, "no fees taken");
        assertEq(splitter.undistributed(streamA), 0, "stream A untouched");
    }

    function test_releaseMany_takesARepeatedAssetFromWhatIsLeft() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 100e6);
        IRevenueReceivers.Release[] memory r = new IRevenueReceivers.Release[](2);
        r[0] = IRevenueReceivers.Release({assetId: ASSET_A, fees: 10e6, toStream: 60e6});
        r[1] = IRevenueReceivers.Release({assetId: ASSET_A, fees: 0, toStream: 31e6});
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.InsufficientDeposit.selector, ASSET_A, 30e6, 31e6));
        receivers.releaseMany(r, treasury);
        r[1].toStream = 30e6;
        receivers.releaseMany(r, treasury);
        assertEq(splitter.undistributed(streamA), 90e6);
        assertEq(receivers.balanceOf(ASSET_A), 0);
    }

    function test_releaseMany_revertsForAnUnknownAsset() public {
        receivers.createReceiver(ASSET_A, streamA);
        _deposit(ASSET_A, 1_000e6);
        _deposit(ASSET_B, 100e6);
        vm.expectRevert(abi.encodeWithSelector(IRevenueReceivers.UnknownReceiver.selector, ASSET_B));
        receivers.releaseMany(_two(25e6, 975e6, 1e6, 99e6), treasury);
        assertEq(receivers.balanceOf(ASSET_A), 1_000e6, "A untouched");
    }

    function test_releaseMany_revertsForNonOperators() public {
        receivers.createReceiver(ASSET_A, streamA);
        receivers.createReceiver(ASSET_B, streamB);
        _deposit(ASSET_A, 100e6);
        _deposit(ASSET_B, 100e6);
        bytes32 role = receivers.OPERATOR_ROLE();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        receivers.releaseMany(_two(100e6, 0, 100e6, 0), stranger);
    }

    // ------------------------------------------------------------ construction and odd tokens

    function test_constructor_revertsOnAZeroAddress() public {
        vm.expectRevert(IRevenueReceivers.ZeroAddress.selector);
        new RevenueReceivers(address(0), usd, splitter);
        vm.expectRevert(IRevenueReceivers.ZeroAddress.selector);
        new RevenueReceivers(address(this), IERC20(address(0)), splitter);
        vm.expectRevert(IRevenueReceivers.ZeroAddress.selector);
        new RevenueReceivers(address(this), usd, IRoyaltySplitter(address(0)));
    }

    /// @dev A USDT-style token (no return values, no non-zero to non-zero approve): each release
    /// approves afresh, which works because the splitter used up the previous allowance.
    function test_release_worksWithATokenThatReturnsNothing() public {
        NoReturnToken odd = new NoReturnToken();
        RoyaltySplitter oddSplitter = new RoyaltySplitter(address(this), IERC20(address(odd)));
        oddSplitter.grantRole(oddSplitter.OPERATOR_ROLE(), address(this));
        address[] memory payees = new address[](1);
        payees[0] = artist;
        uint16[] memory bps = new uint16[](1);
        bps[0] = 10_000;
        uint256 stream = oddSplitter.createStream(payees, bps);
        RevenueReceivers oddReceivers = new RevenueReceivers(address(this), IERC20(address(odd)), oddSplitter);
        oddReceivers.grantRole(oddReceivers.OPERATOR_ROLE(), address(this));
        address receiver = oddReceivers.createReceiver(ASSET_A, stream);
        odd.mint(receiver, 100e6);
        oddReceivers.release(ASSET_A, treasury, 10e6, 40e6);
        oddReceivers.release(ASSET_A, treasury, 10e6, 40e6);
        assertEq(odd.balanceOf(treasury), 20e6, "treasury");
        assertEq(oddSplitter.undistributed(stream), 80e6, "stream");
        assertEq(odd.balanceOf(receiver), 0, "all released");
        assertEq(odd.allowance(receiver, address(oddSplitter)), 0, "no allowance left");
    }
}
