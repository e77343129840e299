// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IRevenueReceiver} from "./interfaces/IRevenueReceivers.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";

/// @title RevenueReceiver
/// @notice See {IRevenueReceiver}. Deployed once per factory, by the factory, as the
/// implementation its clones delegate to.
/// @dev Immutables live in this contract's code, which every clone runs, so all clones of one
/// factory share them and none needs storage. The per-asset stream is not one of them: a clone's
/// address must not depend on it (it is known before the stream is bound), so the factory keeps
/// the binding and passes it. No receive/fallback: ether sent here is refused.
contract RevenueReceiver is IRevenueReceiver {
    using SafeERC20 for IERC20;

    address private immutable _factory;
    IERC20 private immutable _token;
    IRoyaltySplitter private immutable _splitter;

    constructor(IERC20 token_, IRoyaltySplitter splitter_) {
        _factory = msg.sender;
        _token = token_;
        _splitter = splitter_;
    }

    /// @inheritdoc IRevenueReceiver
    /// @dev No reentrancy guard: nothing is stored here, and the token and splitter are fixed at deployment.
    function release(address treasury, uint256 fees, uint256 streamId, uint256 toStream) external {
        if (msg.sender != _factory) revert NotFactory(msg.sender);
        if (fees != 0) _token.safeTransfer(treasury, fees);
        if (toStream != 0) {
            // forceApprove: tokens that refuse to change a non-zero allowance (USDT) still work;
            // the splitter pulls exactly `toStream`, so the allowance ends at zero.
            _token.forceApprove(address(_splitter), toStream);
            _splitter.fund(streamId, toStream);
        }
    }

    /// @inheritdoc IRevenueReceiver
    function factory() external view returns (address) {
        return _factory;
    }

    /// @inheritdoc IRevenueReceiver
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IRevenueReceiver
    function splitter() external view returns (IRoyaltySplitter) {
        return _splitter;
    }
}
