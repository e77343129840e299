// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";

/// @dev Must FAIL. scripts/forge-test.sh runs it alone and fails the build if forge reports a
/// pass: proof that a failing assertion is seen as a failure by this forge + test base.
contract CanaryTest is Test {
    function test_canary_mustFail() public pure {
        assertEq(uint256(1), uint256(2), "canary");
    }
}
