// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev The subset of forge cheatcodes these tests use (forge-std from npm is an unofficial,
/// broken copy, so the tests carry their own minimal base).
interface Vm {
    struct Gas {
        uint64 gasLimit;
        uint64 gasTotalUsed;
        uint64 gasMemoryUsed;
        int64 gasRefunded;
        uint64 gasRemaining;
    }

    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function expectRevert() external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
    function expectEmit() external;
    function warp(uint256 newTimestamp) external;
    function roll(uint256 newHeight) external;
    function assume(bool condition) external pure;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function label(address account, string calldata newLabel) external;
    function lastCallGas() external view returns (Gas memory gas);
    function pauseGasMetering() external;
    function resumeGasMetering() external;
    function etch(address target, bytes calldata newRuntimeBytecode) external;
    function getCode(string calldata artifactPath) external view returns (bytes memory creationBytecode);
    function snapshotValue(string calldata name, uint256 value) external;
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
    function toString(uint256 value) external pure returns (string memory);
    function targetContract(address newTargetedContract) external;
    function targetSelector(FuzzSelector calldata newTargetedSelector) external;
    function excludeSender(address sender) external;

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }
}
