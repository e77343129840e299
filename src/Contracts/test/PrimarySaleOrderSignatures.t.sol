// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PrimarySaleBase} from "./utils/PrimarySaleBase.sol";
import {IPrimarySale} from "../src/interfaces/IPrimarySale.sol";
import {MockERC1271Wallet} from "./mocks/MockERC1271Wallet.sol";

/// @title Signed purchase orders: signature, tampering, replay, expiry, contract wallets, digest encoding.
contract PrimarySaleOrderSignaturesTest is PrimarySaleBase {
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
}
