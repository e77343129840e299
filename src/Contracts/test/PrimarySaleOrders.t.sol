// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PrimarySaleBase} from "./utils/PrimarySaleBase.sol";
import {IPrimarySale} from "../src/interfaces/IPrimarySale.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @title Operator-relayed purchases: buyer-signed EIP-712 orders at the accepted commission.
contract PrimarySaleOrdersTest is PrimarySaleBase {
    function test_buyFor_chargesTheAcceptedRate_whenTheRateIsUnchanged() public {
        assertBuyForCharges(COMMISSION_BPS, COMMISSION_BPS);
    }

    function test_buyFor_chargesTheAcceptedRate_whenTheRateRoseSinceTheQuote() public {
        assertBuyForCharges(COMMISSION_BPS + 150, COMMISSION_BPS);
    }

    function test_buyFor_chargesTheAcceptedRate_whenTheRateFellSinceTheQuote() public {
        assertBuyForCharges(COMMISSION_BPS - 150, COMMISSION_BPS);
    }

    function test_buyFor_atZeroCommission_paysTheIssuerEverything() public {
        assertBuyForCharges(COMMISSION_BPS, 0);
    }

    function test_buyFor_isOperatorOnly() public {
        bytes32 role = sale.OPERATOR_ROLE();
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        sale.buyFor(o, sig);
        // Not even the buyer itself with its own signed order: self-custody users call buy().
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, investor, role));
        sale.buyFor(o, sig);
        assertEq(token.balanceOf(investor, id), 0);
        assertFalse(sale.isOrderUsed(investor, o.nonce), "a rejected call uses no nonce");
    }

    function test_buyFor_revertsAboveTheCommissionCap_andAcceptsTheCap() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, 5_001);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.CommissionTooHigh.selector, 5_001));
        sale.buyFor(o, sig);
        buyFor(KEY, id, 5, 5_000);
        assertEq(usd.balanceOf(treasury), 125e6, "half of 250 USD");
        assertEq(usd.balanceOf(issuer), 125e6);
    }

    function test_buyFor_revertsForUnverifiedAndFrozenBuyers() public {
        uint256 key = 0xD00D;
        address unverified = vm.addr(key);
        usd.mint(unverified, 1_000e6);
        vm.prank(unverified);
        usd.approve(address(sale), type(uint256).max);
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(key, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NotVerified.selector, unverified));
        sale.buyFor(o, sig);
        settlement.setFrozen(investor, true);
        (o, sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BuyerFrozen.selector, investor));
        sale.buyFor(o, sig);
    }

    function test_buyFor_exactlyMaxHoldingPasses_oneMoreIsOverLimit() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 101, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OverLimit.selector, investor, 101, 100));
        sale.buyFor(o, sig);
        buyFor(KEY, id, 100, COMMISSION_BPS);
        assertEq(token.balanceOf(investor, id), 100);
        (o, sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OverLimit.selector, investor, 105, 100));
        sale.buyFor(o, sig);
    }

    function test_buyFor_revertsWhenSoldOut() public {
        uint256 small = assetOnSale(10, 0, 1e6, 1);
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, small, 11, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.SoldOut.selector, small, 10, 11));
        sale.buyFor(o, sig);
        buyFor(KEY, small, 10, COMMISSION_BPS);
        (o, sig) = signedOrder(KEY, small, 1, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.SoldOut.selector, small, 0, 1));
        sale.buyFor(o, sig);
    }

    function test_buyFor_revertsBelowMinimumOutsideWindowAndWithoutOffering() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 4, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BelowMinimumPurchase.selector, id, 4, 5));
        sale.buyFor(o, sig);
        (o, sig) = signedOrder(KEY, 99, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NoOffering.selector, 99));
        sale.buyFor(o, sig);

        uint256 later = token.createAsset(terms(address(sale), 10, 0, 0, 0));
        uint64 start = uint64(block.timestamp + 1 days);
        sale.openOffering(later, 1e6, 1, start, start + 1 days);
        (o, sig) = signedOrder(KEY, later, 1, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingNotOpen.selector, later, start, start + 1 days, block.timestamp));
        sale.buyFor(o, sig);

        IPrimarySale.Offering memory offering = sale.offeringOf(id);
        vm.warp(offering.end);
        (o, sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingNotOpen.selector, id, offering.start, offering.end, offering.end));
        sale.buyFor(o, sig);
    }

    function test_buyFor_revertsWithoutAllowance_andTheSameOrderExecutesOnceApproved() public {
        uint256 key = 0xA11;
        address buyer = vm.addr(key);
        verify(buyer);
        usd.mint(buyer, 1_000e6);
        uint256 cost = 250e6;
        uint256 commission = cost * COMMISSION_BPS / 10_000;
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(key, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(sale), 0, commission));
        sale.buyFor(o, sig);
        // Enough for the commission, one unit short for the issuer: the whole purchase reverts.
        vm.prank(buyer);
        usd.approve(address(sale), cost - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(sale), cost - 1 - commission, cost - commission)
        );
        sale.buyFor(o, sig);
        assertEq(usd.balanceOf(buyer), 1_000e6);
        assertEq(usd.balanceOf(treasury), 0);
        assertEq(token.balanceOf(buyer, id), 0);
        // A reverted execution does not use the nonce: the signed order can be retried.
        assertFalse(sale.isOrderUsed(buyer, o.nonce), "nonce still free");
        vm.prank(buyer);
        usd.approve(address(sale), cost);
        assertEq(sale.buyFor(o, sig), cost);
        assertEq(token.balanceOf(buyer, id), 5);
        assertTrue(sale.isOrderUsed(buyer, o.nonce), "nonce used");
    }

    function test_buyFor_revertsWithoutFunds() public {
        uint256 key = 0xB00;
        address buyer = vm.addr(key);
        verify(buyer);
        uint256 cost = 250e6;
        uint256 commission = cost * COMMISSION_BPS / 10_000;
        vm.prank(buyer);
        usd.approve(address(sale), type(uint256).max);
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(key, id, 5, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, buyer, 0, commission));
        sale.buyFor(o, sig);
        usd.mint(buyer, cost - 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, buyer, cost - 1 - commission, cost - commission));
        sale.buyFor(o, sig);
        assertEq(usd.balanceOf(buyer), cost - 1);
        assertEq(usd.balanceOf(treasury), 0);
        assertEq(token.balanceOf(buyer, id), 0);
    }

    function test_buyFor_afterAPermitTheOperatorSubmitted_keepsTheInfiniteAllowance() public {
        uint256 key = 0xCAFE;
        address buyer = vm.addr(key);
        verify(buyer);
        usd.mint(buyer, 1_000e6);
        uint256 deadline = block.timestamp + 60;
        (uint8 v, bytes32 r, bytes32 s) = signPermit(key, type(uint256).max, deadline);
        // The investor only signs; the operator (this contract) submits the permit to the stablecoin.
        usd.permit(buyer, address(sale), type(uint256).max, deadline, v, r, s);
        assertEq(usd.allowance(buyer, address(sale)), type(uint256).max, "allowance granted");
        assertEq(usd.nonces(buyer), 1);

        uint256 cost = buyFor(key, id, 10, COMMISSION_BPS);
        buyFor(key, id, 5, COMMISSION_BPS);
        assertEq(cost, 500e6);
        assertEq(token.balanceOf(buyer, id), 15);
        assertEq(usd.balanceOf(buyer), 1_000e6 - 750e6);
        assertEq(usd.allowance(buyer, address(sale)), type(uint256).max, "an infinite allowance is not spent down");
    }
}
