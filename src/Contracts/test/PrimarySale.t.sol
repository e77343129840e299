// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PrimarySaleBase} from "./utils/PrimarySaleBase.sol";
import {IPrimarySale} from "../src/interfaces/IPrimarySale.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @title Self-service purchases (buy, buyWithPermit), quotes, offerings and fee setters.
contract PrimarySaleTest is PrimarySaleBase {
    function test_buy_deliversFractionsAndSplitsPayment() public {
        vm.prank(investor);
        uint256 cost = sale.buy(id, 20, COMMISSION_BPS);
        uint256 commission = cost * COMMISSION_BPS / 10_000;
        assertEq(cost, 1_000e6);
        assertEq(token.balanceOf(investor, id), 20);
        assertEq(usd.balanceOf(treasury), commission, "commission to treasury");
        assertEq(usd.balanceOf(issuer), cost - commission, "rest to issuer");
        assertEq(sale.available(id), 980);
    }

    function test_buy_exactlyMaxHoldingPasses_oneMoreIsOverLimit() public {
        vm.startPrank(investor);
        sale.buy(id, 100, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OverLimit.selector, investor, 105, 100));
        sale.buy(id, 5, COMMISSION_BPS);
        vm.stopPrank();
        assertEq(token.balanceOf(investor, id), 100);
    }

    function test_buy_revertsWhenSoldOut() public {
        uint256 small = assetOnSale(10, 0, 1e6, 1);
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.SoldOut.selector, small, 10, 11));
        sale.buy(small, 11, COMMISSION_BPS);
    }

    function test_buy_revertsBelowMinimumOutsideWindowAndWithoutOffering() public {
        vm.startPrank(investor);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BelowMinimumPurchase.selector, id, 4, 5));
        sale.buy(id, 4, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NoOffering.selector, 99));
        sale.buy(99, 5, COMMISSION_BPS);
        vm.stopPrank();
        IPrimarySale.Offering memory offering = sale.offeringOf(id);
        vm.warp(offering.end);
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingNotOpen.selector, id, offering.start, offering.end, offering.end));
        sale.buy(id, 5, COMMISSION_BPS);
    }

    function test_buy_revertsForUnverifiedAndFrozenBuyers() public {
        usd.mint(outsider, 1_000e6);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NotVerified.selector, outsider));
        sale.buy(id, 5, COMMISSION_BPS);
        settlement.setFrozen(investor, true);
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BuyerFrozen.selector, investor));
        sale.buy(id, 5, COMMISSION_BPS);
    }

    function test_buy_revertsWhenCommissionRoseAboveTheQuote() public {
        sale.setCommission(COMMISSION_BPS + 1);
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.CommissionAboveAccepted.selector, COMMISSION_BPS + 1, COMMISSION_BPS));
        sale.buy(id, 5, COMMISSION_BPS);
    }

    function test_buy_revertsWithoutFunds() public {
        address poor = address(0xB00);
        verify(poor);
        vm.startPrank(poor);
        usd.approve(address(sale), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, poor, 0, 250e6 * uint256(COMMISSION_BPS) / 10_000));
        sale.buy(id, 5, COMMISSION_BPS);
        vm.stopPrank();
        assertEq(token.balanceOf(poor, id), 0);
    }

    function test_buyWithPermit_needsNoApproval() public {
        uint256 key = 0xCAFE;
        address buyer = vm.addr(key);
        verify(buyer);
        usd.mint(buyer, 500e6);
        (uint256 cost,,) = sale.quote(id, 10);
        (uint8 v, bytes32 r, bytes32 s) = signPermit(key, cost, block.timestamp + 60);
        vm.prank(buyer);
        sale.buyWithPermit(id, 10, COMMISSION_BPS, block.timestamp + 60, v, r, s);
        assertEq(token.balanceOf(buyer, id), 10);
        assertEq(usd.balanceOf(buyer), 0);
    }

    // ------------------------------------------------------------ buyFor (buyer-signed orders)

    function test_quote_breaksDownTheCost() public view {
        (uint256 cost, uint256 commission, uint256 toIssuer) = sale.quote(id, 7);
        assertEq(cost, 350e6);
        assertEq(commission, 350e6 * uint256(COMMISSION_BPS) / 10_000);
        assertEq(toIssuer + commission, cost);
    }

    function test_openOffering_validatesAndIsOperatorOnly() public {
        uint256 fresh = token.createAsset(terms(address(sale), 10, 0, 0, 0));
        uint64 start = uint64(block.timestamp);
        uint64 end = uint64(block.timestamp + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOffering.selector, "zero price"));
        sale.openOffering(fresh, 0, 1, start, end);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOffering.selector, "zero minimum purchase"));
        sale.openOffering(fresh, 1, 0, start, end);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOffering.selector, "window ends before it starts or in the past"));
        sale.openOffering(fresh, 1, 1, end, start);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingExists.selector, id));
        sale.openOffering(id, 1, 1, start, end);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOffering.selector, "escrow holds no supply"));
        sale.openOffering(77, 1, 1, start, end);
        bytes32 role = sale.OPERATOR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        sale.openOffering(fresh, 1, 1, start, end);
    }

    function test_feeSetters_areBoundedAndRoleGuarded() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.CommissionTooHigh.selector, 5_001));
        sale.setCommission(5_001);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOffering.selector, "zero treasury"));
        sale.setTreasury(address(0));
        sale.setTreasury(outsider);
        assertEq(sale.treasury(), outsider);
        bytes32 role = sale.FEE_MANAGER_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        sale.setCommission(1);
    }
}
