// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Royalty splitter
/// @notice Splits each revenue stream's stablecoin among its payees by basis points (summing to
/// 10,000) with the largest-remainder rule: shares are floored, then the leftover units go one by
/// one to the largest remainders, ties to the earlier payee. The parts always sum to the whole.
/// @dev Only a hash of each stream's payees is stored (keccak256(abi.encodePacked(payees, bps)));
/// callers pass the payee list, as in 0xSplits v2. Payees are credited internal balances and anyone
/// can push a payee's balance to it. Per-payee amounts are not emitted: they follow exactly from
/// the Distributed amount and the stream's split, by the rule above.
/// The holder distributor is a payee unlike the others: its share is kept per stream (the holders'
/// share of that stream) and only the distributor itself can take it, so each asset's pool is
/// funded with exactly its own stream's share, whoever calls what and in which order.
interface IRoyaltySplitter {
    event StreamCreated(uint256 indexed streamId, bytes32 splitHash, address[] payees, uint16[] bps);
    event StreamFunded(uint256 indexed streamId, address indexed from, uint256 amount);
    event Distributed(uint256 indexed streamId, uint256 amount, uint256 payeeCount);
    event Withdrawn(address indexed payee, uint256 amount);
    /// @notice A payee's withdrawal was not made (frozen payee, or the token refused the transfer);
    /// its credit of `amount` is kept and can be withdrawn later.
    event WithdrawalDeferred(address indexed payee, uint256 amount);
    event HolderDistributorSet(address distributor);
    event RegistrySet(address registry);
    /// @notice The holders' share of `streamId` was sent to the holder distributor.
    event HoldersShareReleased(uint256 indexed streamId, uint256 amount);

    error InvalidSplit(string reason);
    error UnknownStream(uint256 streamId);
    error SplitMismatch(uint256 streamId);
    error ZeroAmount();
    error ExceedsUnassigned(uint256 amount, uint256 unassigned);
    error ZeroAddress();
    error HolderDistributorAlreadySet(address current);
    error NotHolderDistributor(address caller);
    error PayeeFrozen(address payee);

    struct Distribution {
        uint256 streamId;
        address[] payees;
        uint16[] bps;
    }

    /// @notice Names the holder distributor, whose share of every stream is credited per stream
    /// (see {holdersShareOf}) instead of to a payee balance. Admin only, once.
    /// @dev Set it before the first distribution that names the distributor: a share credited
    /// earlier sits in the distributor's ordinary payee balance.
    function setHolderDistributor(address distributor) external;

    /// @notice Points the splitter at the investor registry, whose frozen addresses are not paid.
    /// Admin only; address(0) turns the frozen checks off.
    function setRegistry(address registry) external;

    /// @notice Creates a stream with its payees (order matters for ties). Operator only.
    function createStream(address[] calldata payees, uint16[] calldata bps) external returns (uint256 streamId);

    /// @notice Adds `amount` (pulled from the caller) to a stream's undistributed balance.
    function fund(uint256 streamId, uint256 amount) external;

    /// @notice Assigns tokens that arrived by plain transfer (e.g. released resale royalties) to a stream. Operator only.
    function assignReceived(uint256 streamId, uint256 amount) external;

    /// @notice Splits the undistributed balance of several streams in one call. Anyone may call:
    /// the outcome is fully determined by the stored split. A stream with nothing undistributed
    /// is skipped. The holder distributor's share goes to the stream's holders' share.
    function distribute(Distribution[] calldata distributions) external;

    /// @notice Sends `payee` everything credited to it. Anyone may call; funds only go to the payee.
    /// Reverts with {ZeroAmount} when nothing is owed and {PayeeFrozen} when the registry says the
    /// payee is frozen.
    function withdraw(address payee) external returns (uint256 amount);

    /// @notice Sends each payee everything credited to it. Anyone may call; funds only go to the
    /// payees. Never reverts for a single payee: one owed nothing is skipped, one that is frozen (or
    /// whose transfer the token refuses) is skipped with {WithdrawalDeferred} and keeps its credit.
    /// A payee listed twice is paid once.
    /// @return total what was sent, over all payees
    function withdrawMany(address[] calldata payees) external returns (uint256 total);

    /// @notice Sends the holders' share of `streamId` to the holder distributor, the only allowed
    /// caller. Returns 0 (and sends nothing) when there is none.
    function releaseHoldersShare(uint256 streamId) external returns (uint256 amount);

    function withdrawable(address payee) external view returns (uint256);

    function undistributed(uint256 streamId) external view returns (uint256);

    /// @notice The first 20 bytes of the stream's split hash; zero when `streamId` does not exist.
    function splitHashOf(uint256 streamId) external view returns (bytes20);

    /// @notice What the holder distributor can take for `streamId` (distributed, not yet released).
    function holdersShareOf(uint256 streamId) external view returns (uint256);

    function holderDistributor() external view returns (address);

    function registry() external view returns (address);

    /// @notice Tokens held but not yet assigned to any stream or payee.
    function unassigned() external view returns (uint256);

    /// @notice The largest-remainder split of `amount` by `bps` (pure; the same rule distribute uses).
    function previewSplit(uint256 amount, uint16[] calldata bps) external pure returns (uint256[] memory shares);
}
