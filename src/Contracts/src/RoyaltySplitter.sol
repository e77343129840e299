// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";
import {LargestRemainder} from "./libraries/LargestRemainder.sol";
import {FrozenCheck} from "./libraries/FrozenCheck.sol";

/// @title RoyaltySplitter
/// @notice See {IRoyaltySplitter}. Conservation: tokens held == sum of undistributed stream
/// balances + sum of holders' shares + sum of payee balances + unassigned receipts.
contract RoyaltySplitter is IRoyaltySplitter, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using FrozenCheck for IInvestorRegistry;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    uint256 public constant MAX_PAYEES = 500;

    /// @dev One slot: the first 20 bytes of the split hash (160-bit second-preimage resistance is
    /// ample to bind a payee list) and the undistributed balance.
    struct Stream {
        bytes20 splitHash;
        uint96 undistributed;
    }

    IERC20 private immutable _token;
    uint256 private _streamCount;
    /// @dev Everything owed to someone: undistributed stream balances, holders' shares and payee balances.
    uint256 private _accounted;
    mapping(uint256 streamId => Stream) private _streams;
    mapping(address payee => uint256) private _withdrawable;
    /// @dev The holder distributor's share of each stream, kept apart so that only the distributor
    /// takes it and each stream's share funds its own asset (see {IHolderDistributor-fundFromSplitter}).
    mapping(uint256 streamId => uint256) private _holdersShare;
    address private _holderDistributor;
    IInvestorRegistry private _registry;

    constructor(address admin, IERC20 token_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
    }

    /// @inheritdoc IRoyaltySplitter
    function setHolderDistributor(address distributor) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (distributor == address(0)) revert ZeroAddress();
        if (_holderDistributor != address(0)) revert HolderDistributorAlreadySet(_holderDistributor);
        _holderDistributor = distributor;
        emit HolderDistributorSet(distributor);
    }

    /// @inheritdoc IRoyaltySplitter
    function setRegistry(address registry_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _registry = IInvestorRegistry(registry_);
        emit RegistrySet(registry_);
    }

    /// @inheritdoc IRoyaltySplitter
    function createStream(address[] calldata payees, uint16[] calldata bps) external onlyRole(OPERATOR_ROLE) returns (uint256 streamId) {
        _validateSplit(payees, bps);
        streamId = ++_streamCount;
        bytes32 splitHash = _hashSplit(payees, bps);
        _streams[streamId].splitHash = bytes20(splitHash);
        emit StreamCreated(streamId, splitHash, payees, bps);
    }

    /// @inheritdoc IRoyaltySplitter
    function fund(uint256 streamId, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Stream storage stream = _requireStream(streamId);
        _token.safeTransferFrom(_msgSender(), address(this), amount);
        _addUndistributed(stream, amount);
        _accounted += amount;
        emit StreamFunded(streamId, _msgSender(), amount);
    }

    /// @inheritdoc IRoyaltySplitter
    function assignReceived(uint256 streamId, uint256 amount) external onlyRole(OPERATOR_ROLE) {
        if (amount == 0) revert ZeroAmount();
        Stream storage stream = _requireStream(streamId);
        uint256 free = unassigned();
        if (amount > free) revert ExceedsUnassigned(amount, free);
        _addUndistributed(stream, amount);
        _accounted += amount;
        emit StreamFunded(streamId, address(this), amount);
    }

    /// @inheritdoc IRoyaltySplitter
    function distribute(Distribution[] calldata distributions) external nonReentrant {
        address holders = _holderDistributor;
        for (uint256 d = 0; d < distributions.length; ++d) {
            Distribution calldata dist = distributions[d];
            Stream storage stream = _requireStream(dist.streamId);
            if (dist.payees.length != dist.bps.length || stream.splitHash != bytes20(_hashSplit(dist.payees, dist.bps))) {
                revert SplitMismatch(dist.streamId);
            }
            uint256 amount = stream.undistributed;
            if (amount == 0) continue;
            stream.undistributed = 0;
            uint256 toHolders = _creditShares(amount, dist.payees, dist.bps, holders);
            if (toHolders != 0) _holdersShare[dist.streamId] += toHolders;
            // Shares sum exactly to `amount`, so `_accounted` is unchanged: value moves from the
            // stream to payees and the holders' share.
            emit Distributed(dist.streamId, amount, dist.payees.length);
        }
    }

    /// @inheritdoc IRoyaltySplitter
    function withdraw(address payee) external nonReentrant returns (uint256 amount) {
        amount = _withdrawable[payee];
        if (amount == 0) revert ZeroAmount();
        if (_registry.isFrozen(payee)) revert PayeeFrozen(payee);
        _withdrawable[payee] = 0;
        _accounted -= amount;
        _token.safeTransfer(payee, amount);
        emit Withdrawn(payee, amount);
    }

    /// @inheritdoc IRoyaltySplitter
    function withdrawMany(address[] calldata payees) external nonReentrant returns (uint256 total) {
        IInvestorRegistry registry_ = _registry;
        for (uint256 i = 0; i < payees.length; ++i) {
            address payee = payees[i];
            uint256 amount = _withdrawable[payee];
            if (amount == 0) continue;
            if (registry_.isFrozen(payee)) {
                emit WithdrawalDeferred(payee, amount);
                continue;
            }
            _withdrawable[payee] = 0;
            _accounted -= amount;
            if (!_token.trySafeTransfer(payee, amount)) {
                _withdrawable[payee] = amount;
                _accounted += amount;
                emit WithdrawalDeferred(payee, amount);
                continue;
            }
            total += amount;
            emit Withdrawn(payee, amount);
        }
    }

    /// @inheritdoc IRoyaltySplitter
    function releaseHoldersShare(uint256 streamId) external nonReentrant returns (uint256 amount) {
        address distributor = _msgSender();
        if (distributor != _holderDistributor) revert NotHolderDistributor(distributor);
        amount = _holdersShare[streamId];
        if (amount == 0) return 0;
        _holdersShare[streamId] = 0;
        _accounted -= amount;
        _token.safeTransfer(distributor, amount);
        emit HoldersShareReleased(streamId, amount);
    }

    function withdrawable(address payee) external view returns (uint256) {
        return _withdrawable[payee];
    }

    /// @inheritdoc IRoyaltySplitter
    function holdersShareOf(uint256 streamId) external view returns (uint256) {
        return _holdersShare[streamId];
    }

    /// @inheritdoc IRoyaltySplitter
    function holderDistributor() external view returns (address) {
        return _holderDistributor;
    }

    /// @inheritdoc IRoyaltySplitter
    function registry() external view returns (address) {
        return address(_registry);
    }

    function undistributed(uint256 streamId) external view returns (uint256) {
        return _streams[streamId].undistributed;
    }

    function splitHashOf(uint256 streamId) external view returns (bytes20) {
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

    /// @dev keccak256(abi.encodePacked(payees, bps)) for equal-length arrays (each element a
    /// 32-byte word), hashed straight from calldata.
    function _hashSplit(address[] calldata payees, uint16[] calldata bps) private pure returns (bytes32 hash) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let size := shl(5, payees.length)
            calldatacopy(ptr, payees.offset, size)
            calldatacopy(add(ptr, size), bps.offset, shl(5, bps.length))
            hash := keccak256(ptr, add(size, shl(5, bps.length)))
        }
    }

    /// @dev Largest-remainder split of `amount` (< 2^96, so amount x bps cannot overflow) credited to the payees' balances; the same
    /// rule as {LargestRemainder.split}, in Yul because it runs once per payee per distribution.
    /// The share of `holders` (the holder distributor; payees are unique and never address(0), so
    /// at most one matches, none when it is unset) is not credited but returned as `toHolders`.
    /// Scratch arrays (remainders, shares) live above the free memory pointer, which is not moved.
    /// Credits cannot overflow: all balances together never exceed the tokens this contract received.
    function _creditShares(uint256 amount, address[] calldata payees, uint16[] calldata bps, address holders)
        private
        returns (uint256 toHolders)
    {
        assembly ("memory-safe") {
            let n := payees.length
            let remainders := mload(0x40)
            let shares := add(remainders, shl(5, n))
            let distributed := 0
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let product := mul(amount, calldataload(add(bps.offset, shl(5, i))))
                let share := div(product, 10000)
                mstore(add(shares, shl(5, i)), share)
                mstore(add(remainders, shl(5, i)), mod(product, 10000))
                distributed := add(distributed, share)
            }
            let leftover := sub(amount, distributed)
            if leftover {
                // Find t, the smallest remainder value with fewer than `leftover` remainders above
                // it, by a two-level histogram (hundreds, then units): O(n) instead of sorting.
                // Every remainder above t gets a unit, then the first ones equal to t (payee order).
                let histogram := add(shares, shl(5, n))
                let above := 0
                for { let b := 0 } lt(b, 100) { b := add(b, 1) } { mstore(add(histogram, shl(5, b)), 0) }
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let cell := add(histogram, shl(5, div(mload(add(remainders, shl(5, i))), 100)))
                    mstore(cell, add(mload(cell), 1))
                }
                let bucket := 99
                for {} 1 {} {
                    let c := mload(add(histogram, shl(5, bucket)))
                    if iszero(lt(add(above, c), leftover)) { break }
                    above := add(above, c)
                    bucket := sub(bucket, 1)
                }
                for { let b := 0 } lt(b, 100) { b := add(b, 1) } { mstore(add(histogram, shl(5, b)), 0) }
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let r := mload(add(remainders, shl(5, i)))
                    if eq(div(r, 100), bucket) {
                        let cell := add(histogram, shl(5, mod(r, 100)))
                        mstore(cell, add(mload(cell), 1))
                    }
                }
                let unit := 99
                for {} 1 {} {
                    let c := mload(add(histogram, shl(5, unit)))
                    if iszero(lt(add(above, c), leftover)) { break }
                    above := add(above, c)
                    unit := sub(unit, 1)
                }
                let threshold := add(mul(bucket, 100), unit)
                let atThreshold := sub(leftover, above)
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let r := mload(add(remainders, shl(5, i)))
                    let bonus := gt(r, threshold)
                    if and(eq(r, threshold), gt(atThreshold, 0)) {
                        bonus := 1
                        atThreshold := sub(atThreshold, 1)
                    }
                    if bonus {
                        let slot := add(shares, shl(5, i))
                        mstore(slot, add(mload(slot), 1))
                    }
                }
            }
            mstore(0x20, _withdrawable.slot)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let share := mload(add(shares, shl(5, i)))
                if share {
                    let payee := and(calldataload(add(payees.offset, shl(5, i))), 0xffffffffffffffffffffffffffffffffffffffff)
                    if eq(payee, holders) {
                        toHolders := share
                        continue
                    }
                    mstore(0x00, payee)
                    let slot := keccak256(0x00, 0x40)
                    sstore(slot, add(sload(slot), share))
                }
            }
        }
    }

    function _addUndistributed(Stream storage stream, uint256 amount) private {
        uint256 total = uint256(stream.undistributed) + amount;
        if (total > type(uint96).max) revert InvalidSplit("stream balance above 2^96");
        // Checked just above.
        stream.undistributed = uint96(total);
    }

    function _requireStream(uint256 streamId) private view returns (Stream storage stream) {
        stream = _streams[streamId];
        if (stream.splitHash == bytes20(0)) revert UnknownStream(streamId);
    }
}
