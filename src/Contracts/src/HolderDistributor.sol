// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IHolderDistributor} from "./interfaces/IHolderDistributor.sol";

/// @title HolderDistributor
/// @notice See {IHolderDistributor}. Conservation per asset: paid <= totalEntitled <= funded, and
/// tokens held == sum over assets of (funded - paid) + unallocated.
/// @dev Claimed amounts are packed four per slot (uint64 each, indexed by holder index), so a push
/// to consecutive holders writes one slot per four holders.
contract HolderDistributor is IHolderDistributor, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    /// @dev root; funded and paid share a slot; totalEntitled.
    struct Pool {
        bytes32 root;
        uint128 funded;
        uint128 paid;
        uint256 totalEntitled;
    }

    IERC20 private immutable _token;
    /// @dev Sum over assets of (funded - paid): what the pools still hold.
    uint256 private _held;
    mapping(uint256 assetId => Pool) private _pools;
    mapping(uint256 assetId => mapping(uint256 word => uint256)) private _claimedWords;

    constructor(address admin, IERC20 token_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
    }

    /// @inheritdoc IHolderDistributor
    function fund(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) external onlyRole(OPERATOR_ROLE) nonReentrant {
        if (amount != 0) _token.safeTransferFrom(_msgSender(), address(this), amount);
        _fund(assetId, amount, root, totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    function allocate(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) external onlyRole(OPERATOR_ROLE) {
        uint256 free = unallocated();
        if (amount > free) revert ExceedsUnallocated(amount, free);
        _fund(assetId, amount, root, totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    function claim(Claim calldata c) external nonReentrant returns (uint256 amount) {
        amount = _claim(c);
    }

    /// @inheritdoc IHolderDistributor
    function claimMany(Claim[] calldata claims) external nonReentrant returns (uint256 total) {
        for (uint256 i = 0; i < claims.length; ++i) {
            total += _claim(claims[i]);
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
        uint256 pushed;
        for (uint256 i = 0; i < entries.length; ++i) {
            pushed += _pushOne(assetId, entries[i]);
        }
        _recordPaid(assetId, pool, pushed);
    }

    function claimed(uint256 assetId, uint256 index) external view returns (uint256) {
        return _claimedOf(assetId, index);
    }

    function poolOf(uint256 assetId) external view returns (bytes32 root, uint256 funded, uint256 paid, uint256 totalEntitled) {
        Pool storage pool = _pools[assetId];
        return (pool.root, pool.funded, pool.paid, pool.totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    function unallocated() public view returns (uint256) {
        return _token.balanceOf(address(this)) - _held;
    }

    /// @inheritdoc IHolderDistributor
    function leaf(uint256 assetId, uint256 index, address account, uint256 cumulative) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(assetId, index, account, cumulative))));
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

    /// @dev Pays one holder what it is owed; a failed payment is undone and stays claimable.
    function _pushOne(uint256 assetId, PushEntry calldata e) private returns (uint256 paid) {
        uint256 already = _claimedOf(assetId, e.index);
        if (e.cumulative <= already) return 0;
        uint256 owed = e.cumulative - already;
        _setClaimed(assetId, e.index, e.cumulative);
        if (_token.trySafeTransfer(e.account, owed)) {
            emit Claimed(assetId, e.index, e.account, owed, e.cumulative);
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
        if (funded > type(uint128).max) revert Underfunded(assetId, funded, totalEntitled);
        if (totalEntitled < pool.totalEntitled) revert EntitlementDecreased(assetId, pool.totalEntitled, totalEntitled);
        if (totalEntitled > funded) revert Underfunded(assetId, funded, totalEntitled);
        pool.root = root;
        pool.funded = uint128(funded);
        pool.totalEntitled = totalEntitled;
        _held += amount;
        emit Funded(assetId, amount, root, totalEntitled);
    }

    function _claim(Claim calldata c) private returns (uint256 amount) {
        Pool storage pool = _pools[c.assetId];
        if (!MerkleProof.verifyCalldata(c.proof, pool.root, leaf(c.assetId, c.index, c.account, c.cumulative))) {
            revert InvalidProof(c.assetId, c.index);
        }
        uint256 already = _claimedOf(c.assetId, c.index);
        if (c.cumulative <= already) revert NothingToClaim(c.assetId, c.index);
        amount = c.cumulative - already;
        _setClaimed(c.assetId, c.index, c.cumulative);
        _recordPaid(c.assetId, pool, amount);
        _token.safeTransfer(c.account, amount);
        emit Claimed(c.assetId, c.index, c.account, amount, c.cumulative);
    }

    /// @dev The root promises at most totalEntitled, so paid can never pass it; checked anyway so a
    /// wrong root can never drain another asset's pool.
    function _recordPaid(uint256 assetId, Pool storage pool, uint256 amount) private {
        if (amount == 0) return;
        uint256 paid = uint256(pool.paid) + amount;
        if (paid > pool.totalEntitled) revert OverPaid(assetId, paid, pool.totalEntitled);
        // paid <= totalEntitled <= funded < 2^128.
        pool.paid = uint128(paid);
        _held -= amount;
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
