// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IInvestorRegistry} from "../interfaces/IInvestorRegistry.sol";

/// @title Frozen-address check for the payout contracts
/// @notice Money must not reach an address an agent froze: the splitter and the holder distributor
/// ask the investor registry before paying. No registry (address(0)) means no check.
library FrozenCheck {
    /// @dev {IInvestorRegistry-complianceOf} called by hand, because it runs once per claim and per
    /// pushed holder: the call and its (verified, frozen) words stay in scratch space (0x00-0x3f),
    /// so no memory is allocated and nothing is ABI-decoded. A failing registry call reverts with
    /// its own reason; a reply shorter than the three words of complianceOf reverts empty.
    function isFrozen(IInvestorRegistry registry, address account) internal view returns (bool frozen) {
        bytes4 selector = IInvestorRegistry.complianceOf.selector;
        assembly ("memory-safe") {
            if registry {
                mstore(0x00, selector)
                mstore(0x04, and(account, 0xffffffffffffffffffffffffffffffffffffffff))
                if iszero(staticcall(gas(), registry, 0x00, 0x24, 0x00, 0x40)) {
                    returndatacopy(0x00, 0x00, returndatasize())
                    revert(0x00, returndatasize())
                }
                if lt(returndatasize(), 0x60) { revert(0x00, 0x00) }
                frozen := iszero(iszero(mload(0x20)))
            }
        }
    }
}
