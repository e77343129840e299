// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";
import {LargestRemainder} from "./libraries/LargestRemainder.sol";

/// @title RoyaltySplitter
/// @notice See {IRoyaltySplitter}. Conservation: tokens held == sum of undistributed stream
/// balances + sum of payee balances + unassigned receipts.
contract RoyaltySplitter is IRoyaltySplitter, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    uint256 public constant MAX_PAYEES = 500;

    struct Stream {
        bytes32 splitHash;
        uint256 undistributed;
    }

    IERC20 private immutable _token;
    uint256 private _streamCount;
    /// @dev Everything owed to someone: undistributed stream balances plus payee balances.
    uint256 private _accounted;
    mapping(uint256 streamId => Stream) private _streams;
    mapping(address payee => uint256) private _withdrawable;

    constructor(address admin, IERC20 token_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
    }

    /// @inheritdoc IRoyaltySplitter
    function createStream(address[] calldata payees, uint16[] calldata bps) external onlyRole(OPERATOR_ROLE) returns (uint256 streamId) {
        _validateSplit(payees, bps);
        streamId = ++_streamCount;
        bytes32 splitHash = _hashSplit(payees, bps);
        _streams[streamId].splitHash = splitHash;
        emit StreamCreated(streamId, splitHash, payees, bps);
    }

    /// @inheritdoc IRoyaltySplitter
    function fund(uint256 streamId, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Stream storage stream = _requireStream(streamId);
        _token.safeTransferFrom(_msgSender(), address(this), amount);
        stream.undistributed += amount;
        _accounted += amount;
        emit StreamFunded(streamId, _msgSender(), amount);
    }

    /// @inheritdoc IRoyaltySplitter
    function assignReceived(uint256 streamId, uint256 amount) external onlyRole(OPERATOR_ROLE) {
        if (amount == 0) revert ZeroAmount();
        Stream storage stream = _requireStream(streamId);
        uint256 free = unassigned();
        if (amount > free) revert ExceedsUnassigned(amount, free);
        stream.undistributed += amount;
        _accounted += amount;
        emit StreamFunded(streamId, address(this), amount);
    }

    /// @inheritdoc IRoyaltySplitter
    function distribute(Distribution[] calldata distributions) external nonReentrant {
        for (uint256 d = 0; d < distributions.length; ++d) {
            Distribution calldata dist = distributions[d];
            Stream storage stream = _requireStream(dist.streamId);
            if (stream.splitHash != _hashSplit(dist.payees, dist.bps)) revert SplitMismatch(dist.streamId);
            uint256 amount = stream.undistributed;
            if (amount == 0) continue;
            stream.undistributed = 0;
            uint256[] memory shares = LargestRemainder.split(amount, dist.bps);
            for (uint256 i = 0; i < shares.length; ++i) {
                if (shares[i] != 0) _withdrawable[dist.payees[i]] += shares[i];
            }
            // Shares sum exactly to `amount`, so `_accounted` is unchanged: value moves from the stream to payees.
            emit Distributed(dist.streamId, amount, shares.length);
        }
    }

    /// @inheritdoc IRoyaltySplitter
    function withdraw(address payee) external nonReentrant returns (uint256 amount) {
        amount = _withdrawable[payee];
        if (amount == 0) revert ZeroAmount();
        _withdrawable[payee] = 0;
        _accounted -= amount;
        _token.safeTransfer(payee, amount);
        emit Withdrawn(payee, amount);
    }

    function withdrawable(address payee) external view returns (uint256) {
        return _withdrawable[payee];
    }

    function undistributed(uint256 streamId) external view returns (uint256) {
        return _streams[streamId].undistributed;
    }

    function splitHashOf(uint256 streamId) external view returns (bytes32) {
        return _streams[streamId].splitHash;
    }

    function streamCount() external view returns (uint256) {
        return _streamCount;
    }

    /// @inheritdoc IRoyaltySplitter
    function unassigned() public view returns (uint256) {
        return _token.balanceOf(address(this)) - _accounted;
    }

    /// @inheritdoc IRoyaltySplitter
    function previewSplit(uint256 amount, uint16[] calldata bps) external pure returns (uint256[] memory) {
        return LargestRemainder.split(amount, bps);
    }

    function _validateSplit(address[] calldata payees, uint16[] calldata bps) private pure {
        uint256 n = payees.length;
        if (n == 0) revert InvalidSplit("no payees");
        if (n > MAX_PAYEES) revert InvalidSplit("too many payees");
        if (bps.length != n) revert InvalidSplit("payees and shares differ in length");
        uint256 total;
        for (uint256 i = 0; i < n; ++i) {
            if (payees[i] == address(0)) revert InvalidSplit("zero address payee");
            if (bps[i] == 0) revert InvalidSplit("zero share");
            total += bps[i];
            for (uint256 j = 0; j < i; ++j) {
                if (payees[j] == payees[i]) revert InvalidSplit("duplicate payee");
            }
        }
        if (total != LargestRemainder.WHOLE) revert InvalidSplit("shares do not sum to 10000 bps");
    }

    function _hashSplit(address[] calldata payees, uint16[] calldata bps) private pure returns (bytes32) {
        return keccak256(abi.encode(payees, bps));
    }

    function _requireStream(uint256 streamId) private view returns (Stream storage stream) {
        stream = _streams[streamId];
        if (stream.splitHash == bytes32(0)) revert UnknownStream(streamId);
    }
}
