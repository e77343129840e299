// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRoyaltySplitter} from "./IRoyaltySplitter.sol";

/// @title Holder distributor
/// @notice Pays asset holders their pro-rata share of revenue. Per asset, the operator publishes a
/// cumulative Merkle root whose leaves are (assetId, holder index, account, total ever owed); funding
/// a period costs the same for 10 or 10 million holders. A holder claims everything owed across all
/// periods in one call; the operator may push to many holders at once (multiproof); a holder whose
/// payment fails, or who is frozen in the investor registry, stays claimable. Nothing is ever lost:
/// unpaid amounts remain claimable forever, and tokens that reached this contract without being
/// credited to an asset (a plain transfer) can be recovered by the admin, never what is owed.
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
    /// @notice A pushed holder was not paid (the token refused the transfer, or the account is frozen); it stays claimable.
    event PushFailed(uint256 indexed assetId, uint256 indexed index, address indexed account, uint256 amount);
    /// @notice An entry of {claimMany} was not paid. `reason`: 1 = invalid proof, 2 = nothing to
    /// claim, 3 = the account is frozen. The entry's amount stays claimable.
    event ClaimSkipped(uint256 indexed assetId, uint256 indexed index, address indexed account, uint8 reason);
    event RegistrySet(address registry);
    /// @notice `assetId` is funded from `streamId` of `splitter` from now on (bound on first use).
    event StreamBound(uint256 indexed assetId, address indexed splitter, uint256 indexed streamId);
    event UnallocatedRecovered(address indexed to, uint256 amount, address indexed by);

    error InvalidProof(uint256 assetId, uint256 index);
    error EntitlementDecreased(uint256 assetId, uint256 previous, uint256 proposed);
    error Underfunded(uint256 assetId, uint256 funded, uint256 entitled);
    error ZeroRoot();
    error CumulativeTooLarge(uint256 cumulative);
    error NothingToClaim(uint256 assetId, uint256 index);
    error OverPaid(uint256 assetId, uint256 paid, uint256 entitled);
    error AccountFrozen(address account);
    /// @notice `assetId` is bound to another stream, or `streamId` to another asset.
    error StreamMismatch(uint256 assetId, uint256 streamId);
    /// @notice The splitter reported releasing `reported` but the balance grew by `received`.
    error ReleaseMismatch(uint256 streamId, uint256 reported, uint256 received);
    error ZeroAmount();
    error ZeroAddress();

    /// @notice Points the distributor at the investor registry, whose frozen accounts are not paid.
    /// Admin only; address(0) turns the frozen checks off.
    function setRegistry(address registry) external;

    /// @notice Adds `amount` (pulled from the caller) to an asset's pool and publishes a new root. Operator only.
    /// @param totalEntitled sum of all leaves' cumulative amounts: never decreases, never exceeds what was funded
    function fund(uint256 assetId, uint256 amount, bytes32 root, uint256 totalEntitled) external;

    /// @notice Like {fund}, with the holders' share of one royalty stream, in one transaction:
    /// distributes `split` (nothing happens when it is already distributed), takes the stream's
    /// holders' share from the splitter and funds the asset with exactly that amount. The first
    /// call binds the stream to the asset for good. Idempotent: called again with nothing left to
    /// take and the same root and total, it funds 0 and succeeds. Operator only.
    /// @param split the stream and its payee list (checked against the stored split hash)
    /// @return amount what the asset's pool received
    function fundFromSplitter(
        IRoyaltySplitter splitter,
        IRoyaltySplitter.Distribution calldata split,
        uint256 assetId,
        bytes32 root,
        uint256 totalEntitled
    ) external returns (uint256 amount);

    /// @notice Pays `c.account` what it is owed for `c.assetId` across all periods. Anyone may call.
    /// Reverts with {InvalidProof}, {NothingToClaim} or {AccountFrozen} (checked in that order).
    function claim(Claim calldata c) external returns (uint256 amount);

    /// @notice Several claims (e.g. one per asset) in one transaction. An entry with an invalid
    /// proof, nothing to claim or a frozen account is skipped with {ClaimSkipped}; the others are paid.
    /// @return total what was paid, over all entries
    function claimMany(Claim[] calldata claims) external returns (uint256 total);

    /// @notice Pays many holders of one asset, verified by one multiproof. Operator only.
    /// Entries must be in the order the multiproof consumes their leaves. A frozen account, or one
    /// the token refuses to pay, is not paid: {PushFailed}, and it stays claimable.
    function push(uint256 assetId, PushEntry[] calldata entries, bytes32[] calldata proof, bool[] calldata proofFlags) external;

    /// @notice Sends `to` the tokens this contract holds beyond what it owes (sum over assets of
    /// funded - paid): tokens that arrived by plain transfer. Admin only.
    function recoverUnallocated(address to) external returns (uint256 amount);

    /// @notice Tokens held beyond what is owed: token balance - sum over assets of (funded - paid).
    function unallocated() external view returns (uint256);

    /// @notice The stream bound to `assetId` by {fundFromSplitter} (0 when none yet).
    function streamOf(uint256 assetId) external view returns (uint256);

    function registry() external view returns (address);

    function claimed(uint256 assetId, uint256 index) external view returns (uint256);

    function poolOf(uint256 assetId) external view returns (bytes32 root, uint256 funded, uint256 paid, uint256 totalEntitled);

    function leaf(uint256 assetId, uint256 index, address account, uint256 cumulative) external pure returns (bytes32);
}
