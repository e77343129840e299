// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {IPrimarySale} from "../src/interfaces/IPrimarySale.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {MockERC1271Wallet} from "./mocks/MockERC1271Wallet.sol";

contract PrimarySaleTest is Fixture {
    uint256 internal id;
    address internal investor;
    uint256 internal constant KEY = 0xBEEF;
    bytes32 internal constant ORDER_TYPEHASH =
        keccak256("PurchaseOrder(address buyer,uint256 assetId,uint256 quantity,uint16 commissionBps,uint256 nonce,uint256 deadline)");
    /// @dev Orders get fresh nonces from here (the platform uses its purchase ids).
    uint256 internal nextNonce = 1_000;

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

    // ------------------------------------------------------------ buyFor (buyer-signed orders)

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

    function test_buyFor_emitsOrderExecuted_andMarksTheNonceUsed() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        assertFalse(sale.isOrderUsed(investor, o.nonce));
        vm.expectEmit(true, true, false, true);
        emit IPrimarySale.Purchased(id, investor, 5, 250e6, 250e6 * uint256(COMMISSION_BPS) / 10_000, COMMISSION_BPS);
        vm.expectEmit(true, false, false, true);
        emit IPrimarySale.OrderExecuted(investor, o.nonce);
        sale.buyFor(o, sig);
        assertTrue(sale.isOrderUsed(investor, o.nonce));
        assertFalse(sale.isOrderUsed(investor, o.nonce + 1), "only that nonce");
        assertFalse(sale.isOrderUsed(outsider, o.nonce), "only that buyer");
    }

    /// @dev The fix: a self-custody investor who approved the sale for buy() cannot be charged by the
    /// operator through buyFor without their signature, whatever the operator signs or sends.
    function test_buyFor_cannotSpendASelfCustodyAllowanceWithoutTheBuyersSignature() public {
        uint256 operatorKey = 0x0BE7;
        (IPrimarySale.PurchaseOrder memory o,) = signedOrder(KEY, id, 20, COMMISSION_BPS);
        // The investor (unlimited allowance from setUp) never signed this order.
        bytes memory operatorSig = sign(operatorKey, o);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, investor));
        sale.buyFor(o, operatorSig);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, investor));
        sale.buyFor(o, "");
        assertEq(usd.balanceOf(investor), 100_000e6, "nothing charged");
        assertEq(token.balanceOf(investor, id), 0);
        assertFalse(sale.isOrderUsed(investor, o.nonce));
        // The investor's own path is untouched.
        vm.prank(investor);
        sale.buy(id, 20, COMMISSION_BPS);
        assertEq(token.balanceOf(investor, id), 20);
    }

    function test_buyFor_revertsForAnotherSigner() public {
        (IPrimarySale.PurchaseOrder memory o,) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        bytes memory sig = sign(0xCAFE, o);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, investor));
        sale.buyFor(o, sig);
    }

    function test_buyFor_revertsForMalformedSignatures() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        bytes memory truncated = new bytes(64);
        for (uint256 i = 0; i < 64; ++i) truncated[i] = sig[i];
        bytes memory badV = bytes.concat(sig);
        badV[64] = bytes1(uint8(29));
        bytes memory zeros = new bytes(65);
        bytes[3] memory bad = [truncated, badV, zeros];
        for (uint256 i = 0; i < bad.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, investor));
            sale.buyFor(o, bad[i]);
        }
        sale.buyFor(o, sig);
    }

    function test_buyFor_revertsWhenAnySignedFieldIsTampered() public {
        uint256 other = assetOnSale(1_000, 100, 50e6, 5);
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        for (uint256 field = 0; field < 6; ++field) {
            IPrimarySale.PurchaseOrder memory t = IPrimarySale.PurchaseOrder(o.buyer, o.assetId, o.quantity, o.commissionBps, o.nonce, o.deadline);
            if (field == 0) t.quantity = 20;
            else if (field == 1) t.commissionBps = 0;
            else if (field == 2) t.assetId = other;
            else if (field == 3) t.nonce = o.nonce + 1;
            else if (field == 4) t.deadline = o.deadline + 1;
            else t.buyer = outsider;
            vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, t.buyer));
            sale.buyFor(t, sig);
        }
        assertEq(token.balanceOf(investor, id) + token.balanceOf(investor, other), 0);
        sale.buyFor(o, sig);
        assertEq(token.balanceOf(investor, id), 5);
    }

    function test_buyFor_revertsOnReplay_andNoncesAreArbitraryPerBuyer() public {
        IPrimarySale.PurchaseOrder memory o = order(investor, id, 5, COMMISSION_BPS, 1 << 200);
        bytes memory sig = sign(KEY, o);
        sale.buyFor(o, sig);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OrderAlreadyUsed.selector, investor, o.nonce));
        sale.buyFor(o, sig);
        // Any unused nonce, in any order, works; an identical new order with another nonce executes too.
        IPrimarySale.PurchaseOrder memory again = order(investor, id, 5, COMMISSION_BPS, 7);
        sale.buyFor(again, sign(KEY, again));
        assertEq(token.balanceOf(investor, id), 10);
        // The same nonce is free for another buyer.
        uint256 key = 0xCAFE;
        address buyer = vm.addr(key);
        verify(buyer);
        usd.mint(buyer, 1_000e6);
        vm.prank(buyer);
        usd.approve(address(sale), type(uint256).max);
        IPrimarySale.PurchaseOrder memory theirs = order(buyer, id, 5, COMMISSION_BPS, 1 << 200);
        sale.buyFor(theirs, sign(key, theirs));
        assertEq(token.balanceOf(buyer, id), 5);
    }

    function test_buyFor_revertsAfterTheDeadline_andExecutesAtIt() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        vm.warp(o.deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OrderExpired.selector, o.deadline));
        sale.buyFor(o, sig);
        vm.warp(o.deadline);
        sale.buyFor(o, sig);
        assertEq(token.balanceOf(investor, id), 5);
    }

    function test_buyFor_checksDeadlineThenNonceThenSignature() public {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 5, COMMISSION_BPS);
        sale.buyFor(o, sig);
        // Used and badly signed: the nonce check answers first.
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OrderAlreadyUsed.selector, investor, o.nonce));
        sale.buyFor(o, "");
        // Expired, used and badly signed: the deadline check answers first.
        vm.warp(o.deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.OrderExpired.selector, o.deadline));
        sale.buyFor(o, "");
    }

    function test_buyFor_acceptsAnErc1271ContractWalletSignature() public {
        uint256 ownerKey = 0x5AFE;
        MockERC1271Wallet wallet = new MockERC1271Wallet(vm.addr(ownerKey));
        address buyer = address(wallet);
        verify(buyer);
        usd.mint(buyer, 1_000e6);
        vm.prank(buyer);
        usd.approve(address(sale), type(uint256).max);

        IPrimarySale.PurchaseOrder memory o = order(buyer, id, 10, COMMISSION_BPS, 1);
        // The wallet decides: a signature by any key other than its owner's is refused.
        bytes memory strangerSig = sign(0xCAFE, o);
        vm.expectRevert(abi.encodeWithSelector(IPrimarySale.InvalidOrderSignature.selector, buyer));
        sale.buyFor(o, strangerSig);
        bytes memory ownerSig = sign(ownerKey, o);
        assertEq(sale.buyFor(o, ownerSig), 500e6);
        assertEq(token.balanceOf(buyer, id), 10);
        assertEq(usd.balanceOf(buyer), 500e6);
        assertTrue(sale.isOrderUsed(buyer, 1));
    }

    /// @dev Pins the EIP-712 encoding the platform (C#) reproduces: the type hash, the domain
    /// separator built from its parts, and the digest of a fixed order against values computed
    /// independently (js-sha3) and against the contract.
    function test_orderDigest_isTheStandardEip712Encoding() public view {
        assertEq(sale.PURCHASE_ORDER_TYPEHASH(), ORDER_TYPEHASH, "type hash");
        assertEq(ORDER_TYPEHASH, 0x70efa8460b79cb17cee3cd228e15854a686238d39194a0c43a27957a11931631, "type hash literal");
        // Domain separator: known answer for chain 31337 and contract 0x2222..., then this sale's.
        assertEq(
            domainSeparatorOf(31337, address(0x2222222222222222222222222222222222222222)),
            0x0f90a68b2ceb6a0641ea9dfe14e9f759ff01f57311efeb5c1a8ef977c9e01dd9,
            "domain separator known answer"
        );
        assertEq(sale.domainSeparator(), domainSeparatorOf(block.chainid, address(sale)), "domain separator");
        (, string memory name, string memory version, uint256 chainId, address verifyingContract,,) = sale.eip712Domain();
        assertEq(name, "TokenPlatform PrimarySale", "name");
        assertEq(version, "1", "version");
        assertEq(chainId, block.chainid, "chain id");
        assertEq(verifyingContract, address(sale), "verifying contract");
        // Struct hash of a fixed order: the uint16 rate is one left-padded 32-byte word like the others.
        IPrimarySale.PurchaseOrder memory o =
            IPrimarySale.PurchaseOrder(address(0x1111111111111111111111111111111111111111), 1, 20, 250, 42, 1_800_003_600);
        bytes32 structHash = 0x56b83cd3b1b6ecf0b90e398f7333defc7de4c606d938d93ca219cb79efab6c65;
        assertEq(hashOrder(o), structHash, "struct hash known answer");
        assertEq(sale.orderDigest(o), keccak256(abi.encodePacked("\x19\x01", sale.domainSeparator(), structHash)), "digest");
        // Known answer of the whole digest under the 31337 / 0x2222... domain.
        assertEq(
            keccak256(abi.encodePacked("\x19\x01", domainSeparatorOf(31337, address(0x2222222222222222222222222222222222222222)), structHash)),
            0xe80d5ba25ad522fd4309bd4a1d7e5918eba5a521386fb9903230e900a59d545c,
            "digest known answer"
        );
    }

    /// @dev Sets the on-chain rate to `onChainBps`, buys 20 fractions (1,000 USD) for the investor with
    /// an order signed at `acceptedBps` and checks that exactly the accepted rate was applied.
    function assertBuyForCharges(uint16 onChainBps, uint16 acceptedBps) internal {
        sale.setCommission(onChainBps);
        uint256 cost = 1_000e6;
        uint256 commission = cost * acceptedBps / 10_000;
        uint256 investorBefore = usd.balanceOf(investor);
        uint256 escrowBefore = token.balanceOf(address(sale), id);
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(KEY, id, 20, acceptedBps);
        vm.expectEmit(true, true, false, true);
        emit IPrimarySale.Purchased(id, investor, 20, cost, commission, acceptedBps);
        assertEq(sale.buyFor(o, sig), cost, "cost");
        assertEq(usd.balanceOf(investor), investorBefore - cost, "buyer paid the cost");
        assertEq(usd.balanceOf(treasury), commission, "commission at the accepted rate to treasury");
        assertEq(usd.balanceOf(issuer), cost - commission, "rest to issuer");
        assertEq(usd.balanceOf(address(this)), 0, "the operator pays nothing");
        assertEq(token.balanceOf(investor, id), 20, "fractions to the buyer");
        assertEq(token.balanceOf(address(sale), id), escrowBefore - 20, "out of escrow");
        assertEq(sale.commissionBps(), onChainBps, "on-chain rate untouched");
    }

    /// @dev Signs an order of `vm.addr(key)` (fresh nonce, deadline in an hour) and executes it as the operator.
    function buyFor(uint256 key, uint256 assetId, uint256 quantity, uint16 bps) internal returns (uint256 cost) {
        (IPrimarySale.PurchaseOrder memory o, bytes memory sig) = signedOrder(key, assetId, quantity, bps);
        return sale.buyFor(o, sig);
    }

    /// @dev An order of `vm.addr(key)` with a fresh nonce and a deadline in an hour, and its signature.
    function signedOrder(uint256 key, uint256 assetId, uint256 quantity, uint16 bps)
        internal
        returns (IPrimarySale.PurchaseOrder memory o, bytes memory sig)
    {
        o = order(vm.addr(key), assetId, quantity, bps, nextNonce++);
        sig = sign(key, o);
    }

    function order(address buyer, uint256 assetId, uint256 quantity, uint16 bps, uint256 nonce)
        internal
        view
        returns (IPrimarySale.PurchaseOrder memory)
    {
        return IPrimarySale.PurchaseOrder(buyer, assetId, quantity, bps, nonce, block.timestamp + 1 hours);
    }

    /// @dev `key`'s 65-byte signature (r || s || v) over the sale's digest of `o`, which must equal the
    /// digest computed here from the type hash and the domain separator.
    function sign(uint256 key, IPrimarySale.PurchaseOrder memory o) internal view returns (bytes memory) {
        bytes32 digest = sale.orderDigest(o);
        assertEq(digest, keccak256(abi.encodePacked("\x19\x01", domainSeparatorOf(block.chainid, address(sale)), hashOrder(o))), "order digest");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function hashOrder(IPrimarySale.PurchaseOrder memory o) internal pure returns (bytes32) {
        return keccak256(abi.encode(ORDER_TYPEHASH, o.buyer, o.assetId, o.quantity, uint256(o.commissionBps), o.nonce, o.deadline));
    }

    function domainSeparatorOf(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("TokenPlatform PrimarySale"),
                keccak256("1"),
                chainId,
                verifyingContract
            )
        );
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
