// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IRevenueReceivers, IRevenueReceiver} from "./interfaces/IRevenueReceivers.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";
import {RevenueReceiver} from "./RevenueReceiver.sol";

/// @title RevenueReceivers
/// @notice See {IRevenueReceivers}.
/// @dev Receivers are plain EIP-1167 clones (45 bytes, no immutable args): everything they share
/// (this factory, the token, the splitter) is in the implementation's code, and the one thing that
/// differs per asset, its stream, cannot be part of the clone's code without making the address
/// depend on it. So the binding is kept here, written once by {createReceiver} and never changed,
/// and a receiver exists exactly when its binding does (stream ids start at 1).
/// No reentrancy guard: releasing changes no state here, and the token and splitter are fixed.
contract RevenueReceivers is IRevenueReceivers, AccessControl {
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    IERC20 private immutable _token;
    IRoyaltySplitter private immutable _splitter;
    address private immutable _implementation;
    mapping(uint256 assetId => uint256 streamId) private _streams;

    constructor(address admin, IERC20 token_, IRoyaltySplitter splitter_) {
        if (admin == address(0) || address(token_) == address(0) || address(splitter_) == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
        _splitter = splitter_;
        _implementation = address(new RevenueReceiver(token_, splitter_));
    }

    /// @inheritdoc IRevenueReceivers
    function createReceiver(uint256 assetId, uint256 streamId) external onlyRole(OPERATOR_ROLE) returns (address receiver) {
        if (_streams[assetId] != 0) revert ReceiverExists(assetId, receiverOf(assetId));
        if (_splitter.splitHashOf(streamId) == bytes20(0)) revert UnknownStream(streamId);
        _streams[assetId] = streamId;
        receiver = Clones.cloneDeterministic(_implementation, bytes32(assetId));
        emit ReceiverCreated(assetId, streamId, receiver);
    }

    /// @inheritdoc IRevenueReceivers
    function release(uint256 assetId, address treasury, uint256 fees, uint256 toStream) external onlyRole(OPERATOR_ROLE) {
        if (treasury == address(0)) revert ZeroAddress();
        _release(assetId, treasury, fees, toStream);
    }

    /// @inheritdoc IRevenueReceivers
    function releaseMany(Release[] calldata releases, address treasury) external onlyRole(OPERATOR_ROLE) {
        if (treasury == address(0)) revert ZeroAddress();
        for (uint256 i = 0; i < releases.length; ++i) {
            Release calldata r = releases[i];
            _release(r.assetId, treasury, r.fees, r.toStream);
        }
    }

    /// @inheritdoc IRevenueReceivers
    function receiverOf(uint256 assetId) public view returns (address) {
        return Clones.predictDeterministicAddress(_implementation, bytes32(assetId));
    }

    /// @inheritdoc IRevenueReceivers
    function streamOf(uint256 assetId) external view returns (uint256) {
        return _streams[assetId];
    }

    /// @inheritdoc IRevenueReceivers
    function balanceOf(uint256 assetId) external view returns (uint256) {
        return _token.balanceOf(receiverOf(assetId));
    }

    /// @inheritdoc IRevenueReceivers
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IRevenueReceivers
    function splitter() external view returns (IRoyaltySplitter) {
        return _splitter;
    }

    /// @inheritdoc IRevenueReceivers
    function receiverImplementation() external view returns (address) {
        return _implementation;
    }

    /// @dev The deposit is checked here, so a shortfall reverts with the asset named rather than
    /// with the token's own error from inside the receiver.
    function _release(uint256 assetId, address treasury, uint256 fees, uint256 toStream) private {
        if (fees == 0 && toStream == 0) revert ZeroAmount();
        uint256 streamId = _streams[assetId];
        if (streamId == 0) revert UnknownReceiver(assetId);
        address receiver = receiverOf(assetId);
        uint256 needed = fees + toStream;
        uint256 balance = _token.balanceOf(receiver);
        if (balance < needed) revert InsufficientDeposit(assetId, balance, needed);
        IRevenueReceiver(receiver).release(treasury, fees, streamId, toStream);
        emit DepositReleased(assetId, treasury, fees, toStream);
    }
}
