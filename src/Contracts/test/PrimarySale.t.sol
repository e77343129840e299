// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {IPrimarySale} from "../src/interfaces/IPrimarySale.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract PrimarySaleTest is Fixture {
    uint256 internal id;
    address internal investor;
    uint256 internal constant KEY = 0xBEEF;

    function setUp() public override {
        super.setUp();
        id = assetOnSale(1_000, 100, 50e6, 5); // 1,000 fractions at 50 USD, max 100 each, min 5
        investor = vm.addr(KEY);
        verify(investor);
        usd.mint(investor, 100_000e6);
        vm.prank(investor);
        usd.approve(address(sale), type(uint256).max);
    }

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

    // ------------------------------------------------------------ buyFor (custodial accounts)

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
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        sale.buyFor(investor, id, 5, COMMISSION_BPS);
        // Not even the buyer itself: self-custody users call buy().
        vm.prank(investor);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, investor, role));
        sale.buyFor(investor, id, 5, COMMISSION_BPS);
        assertEq(token.balanceOf(investor, id), 0);
    }

    function test_buyFor_revertsAboveTheCommissionCap_andAcceptsTheCap() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.CommissionTooHigh.selector, 5_001));
        sale.buyFor(investor, id, 5, 5_001);
        sale.buyFor(investor, id, 5, 5_000);
        assertEq(usd.balanceOf(treasury), 125e6, "half of 250 USD");
        assertEq(usd.balanceOf(issuer), 125e6);
    }

    function test_buyFor_revertsForUnverifiedAndFrozenBuyers() public {
        usd.mint(outsider, 1_000e6);
        vm.prank(outsider);
        usd.approve(address(sale), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NotVerified.selector, outsider));
        sale.buyFor(outsider, id, 5, COMMISSION_BPS);
        settlement.setFrozen(investor, true);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BuyerFrozen.selector, investor));
        sale.buyFor(investor, id, 5, COMMISSION_BPS);
    }

    function test_buyFor_exactlyMaxHoldingPasses_oneMoreIsOverLimit() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OverLimit.selector, investor, 101, 100));
        sale.buyFor(investor, id, 101, COMMISSION_BPS);
        sale.buyFor(investor, id, 100, COMMISSION_BPS);
        assertEq(token.balanceOf(investor, id), 100);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OverLimit.selector, investor, 105, 100));
        sale.buyFor(investor, id, 5, COMMISSION_BPS);
    }

    function test_buyFor_revertsWhenSoldOut() public {
        uint256 small = assetOnSale(10, 0, 1e6, 1);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.SoldOut.selector, small, 10, 11));
        sale.buyFor(investor, small, 11, COMMISSION_BPS);
        sale.buyFor(investor, small, 10, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.SoldOut.selector, small, 0, 1));
        sale.buyFor(investor, small, 1, COMMISSION_BPS);
    }

    function test_buyFor_revertsBelowMinimumOutsideWindowAndWithoutOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.BelowMinimumPurchase.selector, id, 4, 5));
        sale.buyFor(investor, id, 4, COMMISSION_BPS);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.NoOffering.selector, 99));
        sale.buyFor(investor, 99, 5, COMMISSION_BPS);

        uint256 later = token.createAsset(terms(address(sale), 10, 0, 0, 0));
        uint64 start = uint64(block.timestamp + 1 days);
        sale.openOffering(later, 1e6, 1, start, start + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingNotOpen.selector, later, start, start + 1 days, block.timestamp));
        sale.buyFor(investor, later, 1, COMMISSION_BPS);

        IPrimarySale.Offering memory offering = sale.offeringOf(id);
        vm.warp(offering.end);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OfferingNotOpen.selector, id, offering.start, offering.end, offering.end));
        sale.buyFor(investor, id, 5, COMMISSION_BPS);
    }

    function test_buyFor_revertsWithoutAllowance() public {
        address buyer = address(0xA11);
        verify(buyer);
        usd.mint(buyer, 1_000e6);
        uint256 cost = 250e6;
        uint256 commission = cost * COMMISSION_BPS / 10_000;
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(sale), 0, commission));
        sale.buyFor(buyer, id, 5, COMMISSION_BPS);
        // Enough for the commission, one unit short for the issuer: the whole purchase reverts.
        vm.prank(buyer);
        usd.approve(address(sale), cost - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(sale), cost - 1 - commission, cost - commission)
        );
        sale.buyFor(buyer, id, 5, COMMISSION_BPS);
        assertEq(usd.balanceOf(buyer), 1_000e6);
        assertEq(usd.balanceOf(treasury), 0);
        assertEq(token.balanceOf(buyer, id), 0);
    }

    function test_buyFor_revertsWithoutFunds() public {
        address buyer = address(0xB00);
        verify(buyer);
        uint256 cost = 250e6;
        uint256 commission = cost * COMMISSION_BPS / 10_000;
        vm.prank(buyer);
        usd.approve(address(sale), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, buyer, 0, commission));
        sale.buyFor(buyer, id, 5, COMMISSION_BPS);
        usd.mint(buyer, cost - 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, buyer, cost - 1 - commission, cost - commission));
        sale.buyFor(buyer, id, 5, COMMISSION_BPS);
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

        uint256 cost = sale.buyFor(buyer, id, 10, COMMISSION_BPS);
        sale.buyFor(buyer, id, 5, COMMISSION_BPS);
        assertEq(cost, 500e6);
        assertEq(token.balanceOf(buyer, id), 15);
        assertEq(usd.balanceOf(buyer), 1_000e6 - 750e6);
        assertEq(usd.allowance(buyer, address(sale)), type(uint256).max, "an infinite allowance is not spent down");
    }

    /// @dev Sets the on-chain rate to `onChainBps`, buys 20 fractions (1,000 USD) for the investor at
    /// `acceptedBps` and checks that exactly the accepted rate was applied.
    function assertBuyForCharges(uint16 onChainBps, uint16 acceptedBps) internal {
        sale.setCommission(onChainBps);
        uint256 cost = 1_000e6;
        uint256 commission = cost * acceptedBps / 10_000;
        uint256 investorBefore = usd.balanceOf(investor);
        uint256 escrowBefore = token.balanceOf(address(sale), id);
        vm.expectEmit(true, true, false, true);
        emit IPrimarySale.Purchased(id, investor, 20, cost, commission, acceptedBps);
        assertEq(sale.buyFor(investor, id, 20, acceptedBps), cost, "cost");
        assertEq(usd.balanceOf(investor), investorBefore - cost, "buyer paid the cost");
        assertEq(usd.balanceOf(treasury), commission, "commission at the accepted rate to treasury");
        assertEq(usd.balanceOf(issuer), cost - commission, "rest to issuer");
        assertEq(usd.balanceOf(address(this)), 0, "the operator pays nothing");
        assertEq(token.balanceOf(investor, id), 20, "fractions to the buyer");
        assertEq(token.balanceOf(address(sale), id), escrowBefore - 20, "out of escrow");
        assertEq(sale.commissionBps(), onChainBps, "on-chain rate untouched");
    }

    /// @dev An ERC-2612 permit of TestUSD signed by `key` for the sale, at the owner's current nonce.
    function signPermit(uint256 key, uint256 value, uint256 deadline) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        address owner = vm.addr(key);
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                usd.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                        owner,
                        address(sale),
                        value,
                        usd.nonces(owner),
                        deadline
                    )
                )
            )
        );
        return vm.sign(key, digest);
    }

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
