// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IInvestorRegistry} from "../interfaces/IInvestorRegistry.sol";

/// @title Frozen-address check for the payout contracts
/// @notice Money must not reach an address an agent froze: the splitter and the holder distributor
/// ask the investor registry before paying. No registry (address(0)) means no check.
library FrozenCheck {
    function isFrozen(IInvestorRegistry registry, address account) internal view returns (bool frozen) {
        if (address(registry) == address(0)) return false;
        (, frozen,) = registry.complianceOf(account);
    }
}
