// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRoyaltySplitter} from "./IRoyaltySplitter.sol";

/// @title Holder distributor
/// @notice Pays asset holders their pro-rata share of revenue. Per asset, the operator publishes a
/// cumulative Merkle root whose leaves are (assetId, holder index, account, total ever owed); funding
/// a period costs the same for 10 or 10 million holders. A holder claims everything owed across all
/// periods in one call; the operator may push to many holders at once (multiproof); a holder whose
/// payment fails stays claimable. Nothing is ever lost: unpaid amounts remain claimable forever.
/// @dev Leaf = keccak256(bytes.concat(keccak256(abi.encode(assetId, index, account, cumulative)))),
/// sorted-pair tree (OpenZeppelin StandardMerkleTree convention). Holder indices are permanent per asset.
interface IHolderDistributor {
    struct Claim {
        uint256 assetId;
        uint256 index;
        address account;
        uint256 cumulative;
        bytes32[] proof;
    }

    struct PushEntry {
        uint256 index;
        address account;
        uint256 cumulative;
    }

    event Funded(uint256 indexed assetId, uint256 amount, bytes32 root, uint256 totalEntitled);
    event Claimed(uint256 indexed assetId, address indexed account, uint256 index, uint256 amount);
    event PushFailed(uint256 indexed assetId, uint256 indexed index, address indexed account, uint256 amount);

    error InvalidProof(uint256 assetId, uint256 index);
    error EntitlementDecreased(uint256 assetId, uint256 previous, uint256 proposed);
    error Underfunded(uint256 assetId, uint256 funded, uint256 entitled);
    error ZeroRoot();
    error CumulativeTooLarge(uint256 cumulative);
    error NothingToClaim(uint256 assetId, uint256 index);
    error OverPaid(uint256 assetId, uint256 paid, uint256 entitled);

    /// @notice Adds `amount` (pulled from the caller) to an asset's pool and publishes a new root. Operator only.
    /// @param totalEntitled sum of all leaves' cumulative amounts: never decreases, never exceeds what was funded
    function fund(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) external;

    /// @notice Like {fund}, with what the royalty splitter owes this contract as a payee (the
    /// holders' share of a stream): withdraws it from `splitter` and funds the asset with exactly
    /// what arrived. Operator only.
    function fundFromSplitter(IRoyaltySplitter splitter, uint256 assetId, bytes32 root, uint256 totalEntitled) external returns (uint256 amount);

    /// @notice Pays `c.account` what it is owed for `c.assetId` across all periods. Anyone may call.
    function claim(Claim calldata c) external returns (uint256 amount);

    /// @notice Several claims (e.g. one per asset) in one transaction.
    function claimMany(Claim[] calldata claims) external returns (uint256 total);

    /// @notice Pays many holders of one asset, verified by one multiproof. Operator only.
    /// Entries must be in the order the multiproof consumes their leaves.
    function push(uint256 assetId, PushEntry[] calldata entries, bytes32[] calldata proof, bool[] calldata proofFlags) external;

    function claimed(uint256 assetId, uint256 index) external view returns (uint256);

    function poolOf(uint256 assetId) external view returns (bytes32 root, uint256 funded, uint256 paid, uint256 totalEntitled);

    function leaf(uint256 assetId, uint256 index, address account, uint256 cumulative) external pure returns (bytes32);
}
