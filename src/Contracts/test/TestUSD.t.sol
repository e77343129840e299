// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "./utils/Test.sol";
import {TestUSD} from "../src/TestUSD.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract TestUSDTest is Test {
    TestUSD internal usd;

    function setUp() public {
        usd = new TestUSD(address(this));
    }

    function test_decimals_isSix() public view {
        assertEq(usd.decimals(), 6);
    }

    function test_mint_isMinterOnly() public {
        usd.mint(address(1), 5e6);
        assertEq(usd.balanceOf(address(1)), 5e6);
        bytes32 role = usd.MINTER_ROLE();
        vm.prank(address(2));
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, address(2), role));
        usd.mint(address(2), 1);
    }
}
