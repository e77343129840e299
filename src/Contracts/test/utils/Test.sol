// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";

/// @dev Gives access to the cheatcodes only: invariant handlers inherit this, never {Test},
/// so no public helper of a test base becomes a fuzz target.
abstract contract CheatCodes {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
}

/// @dev Minimal test base. Every assertion reverts on failure, so forge cannot report a failed
/// assertion as a pass (the npm forge-std copy only sets a flag that forge 1.7 ignores).
abstract contract Test is CheatCodes {
    error AssertionFailed(string message);

    function fail(string memory message) internal pure {
        revert AssertionFailed(message);
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) fail(message);
    }

    function assertTrue(bool condition) internal pure {
        assertTrue(condition, "expected true");
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) fail(message);
    }

    function assertFalse(bool condition) internal pure {
        assertFalse(condition, "expected false");
    }

    function assertEq(uint256 actual, uint256 expected, string memory message) internal pure {
        if (actual != expected) {
            fail(string.concat(message, ": got ", vm.toString(actual), ", expected ", vm.toString(expected)));
        }
    }

    function assertEq(uint256 actual, uint256 expected) internal pure {
        assertEq(actual, expected, "values differ");
    }

    function assertEq(address actual, address expected, string memory message) internal pure {
        if (actual != expected) fail(message);
    }

    function assertEq(address actual, address expected) internal pure {
        assertEq(actual, expected, "addresses differ");
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory message) internal pure {
        if (actual != expected) fail(message);
    }

    function assertEq(bytes32 actual, bytes32 expected) internal pure {
        assertEq(actual, expected, "hashes differ");
    }

    function assertEq(string memory actual, string memory expected, string memory message) internal pure {
        if (keccak256(bytes(actual)) != keccak256(bytes(expected))) {
            fail(string.concat(message, ": got '", actual, "', expected '", expected, "'"));
        }
    }

    function assertLe(uint256 actual, uint256 limit, string memory message) internal pure {
        if (actual > limit) {
            fail(string.concat(message, ": ", vm.toString(actual), " > ", vm.toString(limit)));
        }
    }

    function assertGe(uint256 actual, uint256 floor, string memory message) internal pure {
        if (actual < floor) {
            fail(string.concat(message, ": ", vm.toString(actual), " < ", vm.toString(floor)));
        }
    }

    /// @dev Maps any fuzzed value into [min, max] without discarding runs.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        uint256 size = max - min + 1;
        if (size == 0) return x; // full uint256 range
        return min + (x % size);
    }
}
