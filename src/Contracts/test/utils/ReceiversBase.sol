// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PayoutBase} from "./PayoutBase.sol";
import {RevenueReceivers} from "../../src/RevenueReceivers.sol";

/// @dev PayoutBase plus the revenue receivers factory (the test contract is its operator) and a
/// streaming service that pays royalties by plain stablecoin transfers.
abstract contract ReceiversBase is PayoutBase {
    RevenueReceivers internal receivers;
    address internal service = address(0x5E41CE);

    function setUp() public virtual override {
        super.setUp();
        receivers = new RevenueReceivers(address(this), usd, splitter);
        receivers.grantRole(receivers.OPERATOR_ROLE(), address(this));
    }

    /// @dev The streaming service pays `amount` to `assetId`'s deposit address, created or not.
    function _deposit(uint256 assetId, uint256 amount) internal {
        address receiver = receivers.receiverOf(assetId); // before the prank, which the next call takes
        usd.mint(service, amount);
        vm.prank(service);
        usd.transfer(receiver, amount);
    }
}
