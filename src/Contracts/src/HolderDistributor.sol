// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IHolderDistributor} from "./interfaces/IHolderDistributor.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";
import {FrozenCheck} from "./libraries/FrozenCheck.sol";

/// @title HolderDistributor
/// @notice See {IHolderDistributor}. Conservation per asset: paid <= totalEntitled <= funded, and
/// the tokens held are the sum over assets of (funded - paid), kept as one total (the liabilities),
/// plus whatever arrived by plain transfer, which is credited to no asset (unallocated) and is the
/// only thing {recoverUnallocated} can send.
/// @dev Claimed amounts are packed four per slot (uint64 each, by holder index), so a push to
/// consecutive holders writes one slot per four holders; a pool's amounts share one slot, so a
/// claim reads the root and updates one accounting word. The registry and the liabilities share
/// a slot: a claim reads it for the frozen check and then updates the total in the same slot.
contract HolderDistributor is IHolderDistributor, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using FrozenCheck for IInvestorRegistry;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    /// @dev funded, paid and totalEntitled are uint80 (up to 1.2e24 minor units) in one slot.
    struct Pool {
        bytes32 root;
        uint80 funded;
        uint80 paid;
        uint80 totalEntitled;
    }

    /// @dev The splitter stream an asset is funded from (streamId 0: not bound yet).
    struct StreamBinding {
        address splitter;
        uint96 streamId;
    }

    /// @dev Why {_claim} did not pay (0: it paid); the {ClaimSkipped} reason codes.
    uint8 private constant _SKIP_INVALID_PROOF = 1;
    uint8 private constant _SKIP_NOTHING_TO_CLAIM = 2;
    uint8 private constant _SKIP_FROZEN = 3;

    IERC20 private immutable _token;
    mapping(uint256 assetId => Pool) private _pools;
    mapping(uint256 assetId => mapping(uint256 word => uint256)) private _claimedWords;
    /// @dev One slot (see the contract's @dev).
    IInvestorRegistry private _registry;
    /// @dev Sum over assets of (funded - paid): what this contract owes. Each pool is below 2^80,
    /// the total is checked against 2^96 when it grows.
    uint96 private _liabilities;
    mapping(uint256 assetId => StreamBinding) private _bindings;
    /// @dev Reverse of {_bindings}; trusted only when the named asset's binding points back, since
    /// an unbound stream reads as asset 0.
    mapping(address splitter => mapping(uint256 streamId => uint256 assetId)) private _streamAssets;

    constructor(address admin, IERC20 token_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
    }

    /// @inheritdoc IHolderDistributor
    function setRegistry(address registry_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _registry = IInvestorRegistry(registry_);
        emit RegistrySet(registry_);
    }

    /// @inheritdoc IHolderDistributor
    function fund(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) external onlyRole(OPERATOR_ROLE) nonReentrant {
        if (amount != 0) _token.safeTransferFrom(_msgSender(), address(this), amount);
        _fund(assetId, amount, root, totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    /// @dev The share is taken per stream (only this contract can take it), so a stranger's
    /// `distribute` or `withdraw` in between, or another asset's distribution in flight, cannot
    /// move it elsewhere. The balance check guards against a splitter that reports what it did not send.
    function fundFromSplitter(
        IRoyaltySplitter splitter,
        IRoyaltySplitter.Distribution calldata split,
        uint256 assetId,
        bytes32 root,
        uint256 totalEntitled
    ) external onlyRole(OPERATOR_ROLE) nonReentrant returns (uint256 amount) {
        uint256 streamId = split.streamId;
        _bindStream(address(splitter), streamId, assetId);
        IRoyaltySplitter.Distribution[] memory one = new IRoyaltySplitter.Distribution[](1);
        one[0] = split;
        splitter.distribute(one);
        uint256 before = _token.balanceOf(address(this));
        amount = splitter.releaseHoldersShare(streamId);
        uint256 received = _token.balanceOf(address(this)) - before;
        if (received != amount) revert ReleaseMismatch(streamId, amount, received);
        _fund(assetId, amount, root, totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    /// @dev No reentrancy guard needed: state is final before the token transfer (checks-effects-interactions);
    /// the registry is only read (staticcall).
    function claim(Claim calldata c) external returns (uint256 amount) {
        uint8 skipped;
        (amount, skipped) = _claim(c);
        if (skipped == _SKIP_INVALID_PROOF) revert InvalidProof(c.assetId, c.index);
        if (skipped == _SKIP_NOTHING_TO_CLAIM) revert NothingToClaim(c.assetId, c.index);
        if (skipped == _SKIP_FROZEN) revert AccountFrozen(c.account);
    }

    /// @inheritdoc IHolderDistributor
    function claimMany(Claim[] calldata claims) external returns (uint256 total) {
        for (uint256 i = 0; i < claims.length; ++i) {
            Claim calldata c = claims[i];
            (uint256 amount, uint8 skipped) = _claim(c);
            if (skipped != 0) emit ClaimSkipped(c.assetId, c.index, c.account, skipped);
            total += amount;
        }
    }

    /// @inheritdoc IHolderDistributor
    function push(uint256 assetId, PushEntry[] calldata entries, bytes32[] calldata proof, bool[] calldata proofFlags)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        Pool storage pool = _pools[assetId];
        _verifyPush(assetId, pool.root, entries, proof, proofFlags);
        IInvestorRegistry registry_ = _registry;
        uint256 pushed;
        for (uint256 i = 0; i < entries.length; ++i) {
            pushed += _pushOne(assetId, entries[i], registry_);
        }
        _recordPaid(assetId, pool, pushed);
    }

    /// @inheritdoc IHolderDistributor
    function recoverUnallocated(address to) external onlyRole(DEFAULT_ADMIN_ROLE) nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert ZeroAddress();
        amount = unallocated();
        if (amount == 0) revert ZeroAmount();
        _token.safeTransfer(to, amount);
        emit UnallocatedRecovered(to, amount, _msgSender());
    }

    /// @inheritdoc IHolderDistributor
    function unallocated() public view returns (uint256) {
        return _token.balanceOf(address(this)) - _liabilities;
    }

    /// @inheritdoc IHolderDistributor
    function streamOf(uint256 assetId) external view returns (uint256) {
        return _bindings[assetId].streamId;
    }

    /// @inheritdoc IHolderDistributor
    function registry() external view returns (address) {
        return address(_registry);
    }

    function claimed(uint256 assetId, uint256 index) external view returns (uint256) {
        return _claimedOf(assetId, index);
    }

    function poolOf(uint256 assetId) external view returns (bytes32 root, uint256 funded, uint256 paid, uint256 totalEntitled) {
        Pool storage pool = _pools[assetId];
        return (pool.root, pool.funded, pool.paid, pool.totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    /// @dev keccak256(bytes.concat(keccak256(abi.encode(assetId, index, account, cumulative)))),
    /// hashed in scratch memory above the free memory pointer (not advanced).
    function leaf(uint256 assetId, uint256 index, address account, uint256 cumulative) public pure returns (bytes32 result) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, assetId)
            mstore(add(ptr, 0x20), index)
            mstore(add(ptr, 0x40), and(account, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x60), cumulative)
            mstore(0x00, keccak256(ptr, 0x80))
            result := keccak256(0x00, 0x20)
        }
    }

    function _verifyPush(uint256 assetId, bytes32 root, PushEntry[] calldata entries, bytes32[] calldata proof, bool[] calldata proofFlags)
        private
        pure
    {
        bytes32[] memory leaves = new bytes32[](entries.length);
        for (uint256 i = 0; i < entries.length; ++i) {
            leaves[i] = leaf(assetId, entries[i].index, entries[i].account, entries[i].cumulative);
        }
        if (!MerkleProof.multiProofVerifyCalldata(proof, proofFlags, root, leaves)) revert InvalidProof(assetId, type(uint256).max);
    }

    /// @dev Pays one holder what it is owed; a frozen holder is not paid and a failed payment is
    /// undone: both stay claimable.
    function _pushOne(uint256 assetId, PushEntry calldata e, IInvestorRegistry registry_) private returns (uint256 paid) {
        uint256 already = _claimedOf(assetId, e.index);
        if (e.cumulative <= already) return 0;
        uint256 owed = e.cumulative - already;
        if (registry_.isFrozen(e.account)) {
            emit PushFailed(assetId, e.index, e.account, owed);
            return 0;
        }
        _setClaimed(assetId, e.index, e.cumulative);
        if (_token.trySafeTransfer(e.account, owed)) {
            emit Claimed(assetId, e.account, e.index, owed);
            return owed;
        }
        _setClaimed(assetId, e.index, already);
        emit PushFailed(assetId, e.index, e.account, owed);
        return 0;
    }

    function _fund(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) private {
        if (root == bytes32(0)) revert ZeroRoot();
        Pool storage pool = _pools[assetId];
        uint256 funded = uint256(pool.funded) + amount;
        if (funded > type(uint80).max) revert Underfunded(assetId, funded, totalEntitled);
        if (totalEntitled < pool.totalEntitled) revert EntitlementDecreased(assetId, pool.totalEntitled, totalEntitled);
        if (totalEntitled > funded) revert Underfunded(assetId, funded, totalEntitled);
        pool.root = root;
        // Both checked against 2^80 above (totalEntitled <= funded).
        pool.funded = uint80(funded);
        pool.totalEntitled = uint80(totalEntitled);
        if (amount != 0) _liabilities = SafeCast.toUint96(uint256(_liabilities) + amount);
        emit Funded(assetId, amount, root, totalEntitled);
    }

    /// @dev Binds `assetId` to (`splitter`, `streamId`) on first use; afterwards only that pair is accepted.
    function _bindStream(address splitter, uint256 streamId, uint256 assetId) private {
        StreamBinding storage binding = _bindings[assetId];
        if (binding.streamId != 0) {
            if (binding.streamId != streamId || binding.splitter != splitter) revert StreamMismatch(assetId, streamId);
            return;
        }
        if (streamId == 0 || streamId > type(uint96).max) revert StreamMismatch(assetId, streamId);
        StreamBinding storage taken = _bindings[_streamAssets[splitter][streamId]];
        if (taken.streamId == streamId && taken.splitter == splitter) revert StreamMismatch(assetId, streamId);
        binding.splitter = splitter;
        // Checked against 2^96 above.
        binding.streamId = uint96(streamId);
        _streamAssets[splitter][streamId] = assetId;
        emit StreamBound(assetId, splitter, streamId);
    }

    /// @dev Pays `c` unless its proof is invalid, nothing is owed or the account is frozen; then it
    /// returns the reason (see {ClaimSkipped}) and changes nothing. Checks cheapest first: the
    /// registry is only asked when there is something to pay.
    function _claim(Claim calldata c) private returns (uint256 amount, uint8 skipped) {
        uint256 assetId = c.assetId;
        uint256 index = c.index;
        address account = c.account;
        uint256 cumulative = c.cumulative;
        Pool storage pool = _pools[assetId];
        if (!MerkleProof.verifyCalldata(c.proof, pool.root, leaf(assetId, index, account, cumulative))) {
            return (0, _SKIP_INVALID_PROOF);
        }
        uint256 already = _claimedOf(assetId, index);
        if (cumulative <= already) return (0, _SKIP_NOTHING_TO_CLAIM);
        if (_registry.isFrozen(account)) return (0, _SKIP_FROZEN);
        amount = cumulative - already;
        _setClaimed(assetId, index, cumulative);
        _recordPaid(assetId, pool, amount);
        _token.safeTransfer(account, amount);
        emit Claimed(assetId, account, index, amount);
    }

    /// @dev The root promises at most totalEntitled, so paid can never pass it; checked anyway so a
    /// wrong root can never drain another asset's pool.
    function _recordPaid(uint256 assetId, Pool storage pool, uint256 amount) private {
        if (amount == 0) return;
        uint256 paid = uint256(pool.paid) + amount;
        if (paid > pool.totalEntitled) revert OverPaid(assetId, paid, pool.totalEntitled);
        // paid <= totalEntitled < 2^80, so amount < 2^80 too; the total holds at least this pool's
        // funded - paid, so the (checked) subtraction cannot fail.
        pool.paid = uint80(paid);
        _liabilities -= uint96(amount);
    }

    function _claimedOf(uint256 assetId, uint256 index) private view returns (uint256) {
        return (_claimedWords[assetId][index >> 2] >> ((index & 3) * 64)) & type(uint64).max;
    }

    function _setClaimed(uint256 assetId, uint256 index, uint256 cumulative) private {
        if (cumulative > type(uint64).max) revert CumulativeTooLarge(cumulative);
        uint256 shift = (index & 3) * 64;
        mapping(uint256 => uint256) storage words = _claimedWords[assetId];
        uint256 word = words[index >> 2];
        words[index >> 2] = (word & ~(uint256(type(uint64).max) << shift)) | (cumulative << shift);
    }
}
