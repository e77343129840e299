// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IHolderDistributor} from "./interfaces/IHolderDistributor.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";

/// @title HolderDistributor
/// @notice See {IHolderDistributor}. Conservation per asset: paid <= totalEntitled <= funded, and
/// the tokens held are the sum over assets of (funded - paid). Tokens only enter through {fund} and
/// {fundFromSplitter}: a plain transfer to this contract is not credited to any asset.
/// @dev Claimed amounts are packed four per slot (uint64 each, by holder index), so a push to
/// consecutive holders writes one slot per four holders; a pool's amounts share one slot, so a
/// claim reads the root and updates one accounting word.
contract HolderDistributor is IHolderDistributor, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    /// @dev funded, paid and totalEntitled are uint80 (up to 1.2e24 minor units) in one slot.
    struct Pool {
        bytes32 root;
        uint80 funded;
        uint80 paid;
        uint80 totalEntitled;
    }

    IERC20 private immutable _token;
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
    function fundFromSplitter(IRoyaltySplitter splitter, uint256 assetId, bytes32 root, uint256 totalEntitled)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
        returns (uint256 amount)
    {
        uint256 before = _token.balanceOf(address(this));
        splitter.withdraw(address(this));
        amount = _token.balanceOf(address(this)) - before;
        _fund(assetId, amount, root, totalEntitled);
    }

    /// @inheritdoc IHolderDistributor
    /// @dev No reentrancy guard needed: state is final before the token transfer (checks-effects-interactions).
    function claim(Claim calldata c) external returns (uint256 amount) {
        amount = _claim(c);
    }

    /// @inheritdoc IHolderDistributor
    function claimMany(Claim[] calldata claims) external returns (uint256 total) {
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

    /// @dev Pays one holder what it is owed; a failed payment is undone and stays claimable.
    function _pushOne(uint256 assetId, PushEntry calldata e) private returns (uint256 paid) {
        uint256 already = _claimedOf(assetId, e.index);
        if (e.cumulative <= already) return 0;
        uint256 owed = e.cumulative - already;
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
        emit Funded(assetId, amount, root, totalEntitled);
    }

    function _claim(Claim calldata c) private returns (uint256 amount) {
        uint256 assetId = c.assetId;
        uint256 index = c.index;
        address account = c.account;
        uint256 cumulative = c.cumulative;
        Pool storage pool = _pools[assetId];
        if (!MerkleProof.verifyCalldata(c.proof, pool.root, leaf(assetId, index, account, cumulative))) {
            revert InvalidProof(assetId, index);
        }
        uint256 already = _claimedOf(assetId, index);
        if (cumulative <= already) revert NothingToClaim(assetId, index);
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
        // paid <= totalEntitled < 2^80.
        pool.paid = uint80(paid);
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
