// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {RevenueReceivers} from "../src/RevenueReceivers.sol";
import {PayoutRouter} from "../src/PayoutRouter.sol";

/// @dev Every deployable contract must fit EIP-170's 24,576-byte limit, which real L2s enforce
/// (anvil can be told to ignore it, so a deploy test alone would not notice).
contract ContractSizeTest is Fixture {
    uint256 internal constant EIP170_LIMIT = 24_576;

    function test_deployedCode_fitsEip170() public view {
        assertLe(address(usd).code.length, EIP170_LIMIT, "TestUSD");
        assertLe(address(token).code.length, EIP170_LIMIT, "AssetToken");
        assertLe(address(settlement).code.length, EIP170_LIMIT, "Settlement");
        assertLe(address(sale).code.length, EIP170_LIMIT, "PrimarySale");
        assertLe(address(splitter).code.length, EIP170_LIMIT, "RoyaltySplitter");
        assertLe(address(distributor).code.length, EIP170_LIMIT, "HolderDistributor");
    }

    function test_revenueReceivers_fitsEip170() public {
        RevenueReceivers receivers = new RevenueReceivers(address(this), usd, splitter);
        assertLe(address(receivers).code.length, EIP170_LIMIT, "RevenueReceivers");
        assertLe(receivers.receiverImplementation().code.length, EIP170_LIMIT, "RevenueReceiver");
    }

    function test_payoutRouter_fitsEip170() public {
        RevenueReceivers receivers = new RevenueReceivers(address(this), usd, splitter);
        PayoutRouter router = new PayoutRouter(address(this), usd, splitter, distributor, receivers);
        assertLe(address(router).code.length, EIP170_LIMIT, "PayoutRouter");
    }
}
