// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IRoyaltySplitter} from "./IRoyaltySplitter.sol";

/// @title Revenue receivers
/// @notice One deposit address per asset: anyone pays an asset's royalties with a plain
/// stablecoin `transfer` to {receiverOf}, and the platform's indexer reads the asset from the
/// address the Transfer event names. The operator later releases a deposit through the waterfall:
/// the platform fees to the treasury, the rest into the asset's stream on the royalty splitter.
/// @dev Each receiver is an EIP-1167 clone deployed with CREATE2 (salt = assetId) by this factory,
/// so its address is known, and can receive, before it is created; what arrived earlier is
/// released like any later deposit. Receivers hold no keys and obey only this factory, whose
/// only way to move their tokens is {release}: into the treasury and the stream bound at creation.
interface IRevenueReceivers {
    /// @notice One entry of {releaseMany}: what to take from `assetId`'s deposit.
    struct Release {
        uint256 assetId;
        uint256 fees;
        uint256 toStream;
    }

    /// @notice `assetId`'s receiver was deployed at `receiver`, bound to `streamId` for good.
    event ReceiverCreated(uint256 indexed assetId, uint256 indexed streamId, address receiver);
    /// @notice `fees` of `assetId`'s deposit went to `treasury` and `toStream` into its stream.
    event DepositReleased(uint256 indexed assetId, address indexed treasury, uint256 fees, uint256 toStream);

    /// @notice `assetId` already has its receiver, at `receiver`.
    error ReceiverExists(uint256 assetId, address receiver);
    /// @notice `assetId` has no receiver yet (see {createReceiver}).
    error UnknownReceiver(uint256 assetId);
    /// @notice `streamId` does not exist on the splitter.
    error UnknownStream(uint256 streamId);
    /// @notice `assetId`'s receiver holds `balance`, less than the `needed` fees + toStream.
    error InsufficientDeposit(uint256 assetId, uint256 balance, uint256 needed);
    /// @notice A release of nothing (fees and toStream both zero).
    error ZeroAmount();
    /// @notice An address argument (admin, token, splitter, treasury) is address(0).
    error ZeroAddress();

    /// @notice The address of `assetId`'s receiver (CREATE2, salt = assetId), whether it was
    /// created yet or not. Tokens sent to it before {createReceiver} are kept and releasable after.
    function receiverOf(uint256 assetId) external view returns (address);

    /// @notice Deploys `assetId`'s receiver at {receiverOf} and binds it to `streamId` of the
    /// splitter, for good. Operator only.
    /// Reverts with {ReceiverExists} when already created, {UnknownStream} when the splitter has no such stream.
    /// @return receiver the receiver's address, equal to `receiverOf(assetId)`
    function createReceiver(uint256 assetId, uint256 streamId) external returns (address receiver);

    /// @notice The splitter stream `assetId`'s receiver funds (0 when the receiver is not created).
    function streamOf(uint256 assetId) external view returns (uint256);

    /// @notice Releases part of `assetId`'s deposit: `fees` to `treasury`, then `toStream` into
    /// the asset's stream (`splitter.fund`); a zero part is skipped. Operator only.
    /// Reverts with {UnknownReceiver}, {ZeroAmount} (both parts zero), {ZeroAddress} (no treasury)
    /// or {InsufficientDeposit} (the receiver holds less than fees + toStream).
    function release(uint256 assetId, address treasury, uint256 fees, uint256 toStream) external;

    /// @notice {release} for each entry, in order, all in one transaction: one failing entry
    /// reverts them all. An asset may appear more than once (each entry takes from what is left).
    /// Operator only.
    function releaseMany(Release[] calldata releases, address treasury) external;

    /// @notice The stablecoin held at `assetId`'s receiver address (created yet or not).
    function balanceOf(uint256 assetId) external view returns (uint256);

    /// @notice The stablecoin every receiver of this factory holds and releases.
    function token() external view returns (IERC20);

    /// @notice The royalty splitter every receiver of this factory funds.
    function splitter() external view returns (IRoyaltySplitter);

    /// @notice The code every receiver runs (by delegatecall); not a receiver itself.
    function receiverImplementation() external view returns (address);
}

/// @title Revenue receiver
/// @notice One asset's deposit address (see {IRevenueReceivers}). It takes orders from its factory
/// only, and the only order it knows sends its stablecoin to a treasury and a splitter stream.
/// @dev An EIP-1167 clone: the factory, token and splitter are immutables of the implementation's
/// code, shared by every clone; the clone has no storage and no initializer.
interface IRevenueReceiver {
    /// @notice `caller` is not this receiver's factory.
    error NotFactory(address caller);

    /// @notice Sends `fees` to `treasury` (skipped when 0), then approves and funds `streamId` on
    /// the splitter with `toStream` (skipped when 0). Factory only: the factory checks the
    /// deposit, and the stream it passes is the one bound to this receiver's asset.
    function release(address treasury, uint256 fees, uint256 streamId, uint256 toStream) external;

    /// @notice The only caller {release} accepts.
    function factory() external view returns (address);

    /// @notice The stablecoin this receiver releases (the factory's).
    function token() external view returns (IERC20);

    /// @notice The royalty splitter this receiver funds (the factory's).
    function splitter() external view returns (IRoyaltySplitter);
}
