// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";

/// @dev A badly behaved splitter: reports releasing `reported` but sends only `sent`.
contract ShortChangingSplitter {
    IERC20 internal immutable token;
    uint256 internal immutable reported;
    uint256 internal immutable sent;

    constructor(IERC20 token_, uint256 reported_, uint256 sent_) {
        token = token_;
        reported = reported_;
        sent = sent_;
    }

    function distribute(IRoyaltySplitter.Distribution[] calldata) external {}

    function releaseHoldersShare(uint256) external returns (uint256) {
        token.transfer(msg.sender, sent);
        return reported;
    }
}
