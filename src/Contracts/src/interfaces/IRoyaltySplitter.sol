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
interface IRoyaltySplitter {
    event StreamCreated(uint256 indexed streamId, bytes32 splitHash, address[] payees, uint16[] bps);
    event StreamFunded(uint256 indexed streamId, address indexed from, uint256 amount);
    event Distributed(uint256 indexed streamId, uint256 amount, uint256 payeeCount);
    event Withdrawn(address indexed payee, uint256 amount);

    error InvalidSplit(string reason);
    error UnknownStream(uint256 streamId);
    error SplitMismatch(uint256 streamId);
    error ZeroAmount();
    error ExceedsUnassigned(uint256 amount, uint256 unassigned);

    struct Distribution {
        uint256 streamId;
        address[] payees;
        uint16[] bps;
    }

    /// @notice Creates a stream with its payees (order matters for ties). Operator only.
    function createStream(address[] calldata payees, uint16[] calldata bps) external returns (uint256 streamId);

    /// @notice Adds `amount` (pulled from the caller) to a stream's undistributed balance.
    function fund(uint256 streamId, uint256 amount) external;

    /// @notice Assigns tokens that arrived by plain transfer (e.g. released resale royalties) to a stream. Operator only.
    function assignReceived(uint256 streamId, uint256 amount) external;

    /// @notice Splits the undistributed balance of several streams in one call. Anyone may call:
    /// the outcome is fully determined by the stored split.
    function distribute(Distribution[] calldata distributions) external;

    /// @notice Sends `payee` everything credited to it. Anyone may call; funds only go to the payee.
    function withdraw(address payee) external returns (uint256 amount);

    function withdrawable(address payee) external view returns (uint256);

    function undistributed(uint256 streamId) external view returns (uint256);

    /// @notice Tokens held but not yet assigned to any stream or payee.
    function unassigned() external view returns (uint256);

    /// @notice The largest-remainder split of `amount` by `bps` (pure; the same rule distribute uses).
    function previewSplit(uint256 amount, uint16[] calldata bps) external pure returns (uint256[] memory shares);
}
