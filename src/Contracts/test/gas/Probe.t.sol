// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {TradeMerkle} from "../../src/libraries/TradeMerkle.sol";

contract ProbeTest is Test {
    function test_probe() public view {
        bytes32[] memory leaves = new bytes32[](100);
        for (uint256 i = 0; i < 100; ++i) leaves[i] = keccak256(abi.encode(i));
        uint256 g = gasleft();
        TradeMerkle.root(leaves);
        uint256 used = g - gasleft();
        fail(vm.toString(used));
    }
}
