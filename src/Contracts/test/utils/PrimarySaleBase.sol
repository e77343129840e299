// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./Fixture.sol";
import {IPrimarySale} from "../../src/interfaces/IPrimarySale.sol";

/// @dev Shared set-up and helpers of the primary-sale suites: an asset on sale, a verified funded
/// investor, and EIP-712 purchase orders signed the way the platform's custodial wallets sign them.
abstract contract PrimarySaleBase is Fixture {
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
}
