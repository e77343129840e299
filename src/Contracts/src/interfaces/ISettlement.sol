// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Batch settlement of matched trades
/// @notice Investors deposit the stablecoin into internal cash accounts; the off-chain matching
/// engine's trades are settled here in batches, netted per (asset, account), atomically, with the
/// trading fee accrued for the treasury and the resale royalty for the asset's royalty receiver.
/// Each batch's Merkle root of trades is stored, so any single trade can be proven.
/// @dev Trade encoding (one uint256 per trade, low bits first):
/// buyer index (16) | seller index (16) | asset index (8) | quantity (48) | price per fraction in
/// stablecoin minor units (64) | trading fee bps (16). Indices point into the batch's `accounts`
/// and `assetIds` arrays. The buyer pays quantity x price plus the fee from its cash; the seller
/// is credited quantity x price minus the resale royalty as proceeds on its position (swept into
/// cash by {sweepProceeds}). Fees and royalties round down.
interface ISettlement {
    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, address indexed to, uint256 amount);
    event BatchSettled(uint256 indexed batchId, bytes32 merkleRoot, uint256 tradeCount, uint256 notional, uint256 feeTotal, uint256 royaltyTotal);
    event ProceedsSwept(address indexed account, uint256 amount);
    event RoyaltiesReleased(uint256 indexed assetId, address indexed receiver, uint256 amount);
    event TradingFeeCapSet(uint16 capBps);
    event FeesReleased(address indexed treasury, uint256 amount);
    event Paused(address account);
    event Unpaused(address account);
    event TreasurySet(address treasury);

    error BatchAlreadySettled(uint256 batchId);
    error EmptyBatch();
    error TooManyAccounts(uint256 count);
    error TooManyAssets(uint256 count);
    error BadTrade(uint256 tradeIndex, string reason);
    error FeeAboveCap(uint256 tradeIndex, uint16 feeBps, uint16 capBps);
    error AccountNotVerified(address account);
    error AccountFrozen(address account);
    error InsufficientCash(address account, uint256 balance, uint256 needed);
    error ZeroAmount();
    error CashOverflow(address account);
    error NothingToRelease(uint256 assetId);
    error EnforcedPause();

    /// @notice Moves `amount` of the stablecoin from the caller (after approval) into the caller's cash account.
    function deposit(uint256 amount) external;

    /// @notice {deposit} with an ERC-2612 permit instead of a prior approval.
    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice Sends `amount` of the caller's cash to `to`. Frozen accounts cannot withdraw.
    function withdraw(address to, uint256 amount) external;

    /// @notice Settles a batch of matched trades atomically: any failing leg reverts the whole batch.
    /// Settler only. A batch id can be settled once.
    /// @return merkleRoot root over the batch's trade leaves (see {tradeLeaf})
    function settleBatch(uint256 batchId, address[] calldata accounts, uint256[] calldata assetIds, uint256[] calldata trades)
        external
        returns (bytes32 merkleRoot);

    /// @notice Moves `account`'s settlement proceeds on `assetIds` into its cash. Anyone may call:
    /// value only moves between two balances of the same account.
    function sweepProceeds(address account, uint256[] calldata assetIds) external returns (uint256 amount);

    /// @notice Sends the trading fees accrued by settled batches to the treasury. Anyone may call.
    function releaseFees() external returns (uint256 amount);

    /// @notice Sends the resale royalties accrued for `assetId` to its royalty receiver. Anyone may call.
    function releaseRoyalties(uint256 assetId) external returns (uint256 amount);

    function cashOf(address account) external view returns (uint256);

    function batchRoot(uint256 batchId) external view returns (bytes32);

    function royaltiesAccrued(uint256 assetId) external view returns (uint256);

    /// @notice The Merkle leaf of one settled trade (double-hashed, OpenZeppelin convention).
    function tradeLeaf(uint256 batchId, address buyer, address seller, uint256 assetId, uint256 quantity, uint256 price, uint256 feeBps)
        external
        pure
        returns (bytes32);

    /// @notice True when `proof` shows the trade was part of settled batch `batchId`.
    function verifyTrade(
        uint256 batchId,
        address buyer,
        address seller,
        uint256 assetId,
        uint256 quantity,
        uint256 price,
        uint256 feeBps,
        bytes32[] calldata proof
    ) external view returns (bool);
}
