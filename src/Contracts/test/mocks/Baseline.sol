// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TradeMerkle} from "../../src/libraries/TradeMerkle.sol";

/// @dev Plain OpenZeppelin ERC-1155 for the naive baseline.
contract PlainERC1155 is ERC1155 {
    constructor() ERC1155("") {}

    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }
}

/// @dev The naive way to settle the same trades: one ERC-1155 safeTransferFrom and one ERC-20
/// transferFrom per trade, in one transaction, no netting.
contract NaiveSettlement {
    function settle(IERC1155 fractions, IERC20 cash, address[] calldata accounts, uint256[] calldata ids, uint256[] calldata trades) external {
        for (uint256 i = 0; i < trades.length; ++i) {
            TradeMerkle.Trade memory t = TradeMerkle.decode(trades[i]);
            fractions.safeTransferFrom(accounts[t.seller], accounts[t.buyer], ids[t.asset], t.quantity, "");
            cash.transferFrom(accounts[t.buyer], accounts[t.seller], t.quantity * t.price);
        }
    }
}
