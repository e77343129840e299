// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155MetadataURI} from "@openzeppelin/contracts/token/ERC1155/extensions/IERC1155MetadataURI.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";

/// @title Compliant fractional asset token
/// @notice One ERC-1155 id per tokenized asset (real estate, art, music royalties), created without
/// deploying a contract per asset. Every transfer is checked against the investor registry and the
/// asset's rules (pause, lock-up, maximum holding). Documents are anchored by SHA-256 per asset.
interface IAssetToken is IERC1155, IERC1155MetadataURI, IERC2981 {
    /// @notice Why a transfer would be refused; `Ok` when it would pass.
    enum TransferStatus {
        Ok,
        UnknownAsset,
        AssetPaused,
        SenderNotVerified,
        ReceiverNotVerified,
        SenderFrozen,
        ReceiverFrozen,
        LockedUp,
        MaxHoldingExceeded,
        InsufficientBalance
    }

    /// @param issuer who tokenized the asset (receives primary proceeds)
    /// @param holder where the whole supply is minted: the issuer or an offering escrow
    /// @param supply number of fractions, fixed forever
    /// @param maxHolding most fractions one non-exempt address may hold (0: no limit)
    /// @param lockupEnd until this unix time only exempt senders (escrow) may transfer
    /// @param royaltyReceiver resale royalty receiver (usually the royalty splitter)
    /// @param royaltyBps resale royalty in basis points (ERC-2981 and settlement)
    struct AssetTerms {
        address issuer;
        address holder;
        uint128 supply;
        uint128 maxHolding;
        uint64 lockupEnd;
        address royaltyReceiver;
        uint16 royaltyBps;
    }

    /// @notice What is stored about an asset.
    struct AssetInfo {
        address issuer;
        uint128 supply;
        uint128 maxHolding;
        uint64 lockupEnd;
        bool paused;
        address royaltyReceiver;
        uint16 royaltyBps;
    }

    struct Document {
        string name;
        string uri;
        bytes32 sha256Hash;
    }

    event AssetCreated(uint256 indexed id, address indexed issuer, address indexed holder, uint256 supply, uint256 maxHolding, uint64 lockupEnd, uint16 royaltyBps);
    event AssetPaused(uint256 indexed id, bool paused, address indexed agent);
    event DocumentAnchored(uint256 indexed id, uint256 indexed index, string name, string uri, bytes32 sha256Hash);
    event ForcedTransfer(uint256 indexed id, address indexed from, address indexed to, uint256 amount, string reason, address agent);
    event RoyaltyCapSet(uint16 capBps);
    event RegistrySet(address registry);

    error UnknownAsset(uint256 id);
    error InvalidTerms(string reason);
    error RoyaltyAboveCap(uint16 royaltyBps, uint16 capBps);
    error TransferNotAllowed(address from, address to, uint256 id, uint256 amount, TransferStatus status);
    error InsufficientBalance(address account, uint256 id, uint256 balance, uint256 needed);
    error NotOwnerNorApproved(address operator, address owner);
    error ArrayLengthMismatch(uint256 expected, uint256 actual);
    error UnbalancedSettlement(uint256 id, int256 netDelta);
    error InvalidReceiver(address receiver);
    error EmptyReason();
    error ProceedsOverflow(address account, uint256 id);

    /// @notice Creates a new asset id and mints its whole supply to `terms.holder`. Issuer-admin only.
    /// @return id the new asset's token id (sequential, starting at 1)
    function createAsset(AssetTerms calldata terms) external returns (uint256 id);

    /// @notice Anchors a document (prospectus, deed, appraisal...) to an asset. Append-only. Issuer-admin only.
    function anchorDocument(uint256 id, string calldata name, string calldata uri, bytes32 sha256Hash) external returns (uint256 index);

    /// @notice Pauses or resumes all transfers of one asset. Agent only.
    function setAssetPaused(uint256 id, bool paused) external;

    /// @notice Moves fractions without the holder's consent (lost keys, court order). Agent only.
    /// Ignores pause, lock-up and a frozen sender; the receiver must be verified, not frozen and, unless
    /// exempt, stay within the asset's maximum holding.
    function forcedTransfer(address from, address to, uint256 id, uint256 amount, string calldata reason) external;

    /// @notice Applies a settlement batch's net fraction changes. Settlement contract only.
    /// @dev `deltas` is an ids.length x accounts.length matrix (row = asset) of packed entries
    /// `(fractionDelta << 128) + proceedsCredit`: the fraction deltas of a row sum to zero; the
    /// proceeds credit (a seller's stablecoin, held by the settlement) accrues in the position until
    /// {takeProceeds} sweeps it. Account-level compliance (verified, frozen) is checked by the
    /// caller, which owns the registry; this function checks asset-level rules (exists, paused,
    /// lock-up, max holding).
    /// No ERC-1155 event per account is emitted (that would triple the batch's gas); the per-trade
    /// record is the settlement's BatchSettled event, its Merkle root and the batch calldata.
    function applySettlement(uint256 batchId, uint256[] calldata ids, address[] calldata accounts, int256[] calldata deltas) external;

    /// @notice Zeroes `account`'s unswept settlement proceeds on `ids` and returns their sum. Settlement only.
    function takeProceeds(address account, uint256[] calldata ids) external returns (uint256 total);

    /// @notice Settlement proceeds of `account` from sales of `id`, not yet swept into its cash.
    function proceedsOf(address account, uint256 id) external view returns (uint256);

    /// @notice Would this transfer pass? Never reverts.
    function canTransfer(address from, address to, uint256 id, uint256 amount) external view returns (TransferStatus);

    /// @dev Reverts with UnknownAsset for an id never created.
    function assetInfo(uint256 id) external view returns (AssetInfo memory);

    function totalSupply(uint256 id) external view returns (uint256);

    function documentCount(uint256 id) external view returns (uint256);

    function documentAt(uint256 id, uint256 index) external view returns (Document memory);

    /// @notice Resale royalty receivers and rates of several assets, for settlement.
    function royaltyTermsOf(uint256[] calldata ids) external view returns (address[] memory receivers, uint16[] memory bps);

    function assetCount() external view returns (uint256);
}
