// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RouterBase} from "./utils/RouterBase.sol";
import {MockERC1271Wallet} from "./mocks/MockERC1271Wallet.sol";
import {PayoutRouter} from "../src/PayoutRouter.sol";
import {IPayoutRouter} from "../src/interfaces/IPayoutRouter.sol";

/// @dev Standing authorizations: signed once, capped in total, expiring, revocable, never replayed.
contract PayoutRouterAuthorizationsTest is RouterBase {
    uint256 internal expiry;

    function setUp() public override {
        super.setUp();
        expiry = block.timestamp + 30 days;
    }

    /// @dev A wallet payout of `amount` from the funder into A's stream, fees 0.
    function _pull(uint256 amount) internal pure returns (IPayoutRouter.Payout[] memory payouts) {
        payouts = new IPayoutRouter.Payout[](1);
        payouts[0].assetId = ASSET_A;
        payouts[0].walletToStream = amount;
    }

    function _pullFromFunder(uint256 amount) internal view returns (IPayoutRouter.Payout[] memory payouts) {
        payouts = _pull(amount);
        payouts[0].funder = funder;
        payouts[0].split = splitA;
    }

    // ------------------------------------------------------------ setAuthorization

    function test_setAuthorization_storesCapAndExpiry_andConsumesTheNonce() public {
        bytes memory sig = _signAuthorization(FUNDER_KEY, funder, 500e6, expiry, 0);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.AuthorizationSet(funder, 500e6, expiry, 0);
        vm.prank(stranger); // anyone may relay it: the signature authorizes
        router.setAuthorization(funder, 500e6, expiry, sig);
        (uint256 cap, uint256 spent, uint256 until, uint256 nonce) = router.authorizationOf(funder);
        assertEq(cap, 500e6, "cap");
        assertEq(spent, 0, "spent");
        assertEq(until, expiry, "expiry");
        assertEq(nonce, 1, "next nonce");
        assertEq(router.nonces(funder), 1, "nonce consumed");
    }

    function test_setAuthorization_revertsForABadSignature() public {
        bytes memory sig = _signAuthorization(FUNDER_KEY, funder, 500e6, expiry, 0);
        bytes memory other = _signAuthorization(0xBEEF, funder, 500e6, expiry, 0);
        bytes memory nextNonce = _signAuthorization(FUNDER_KEY, funder, 500e6, expiry, 1);
        bytes memory truncated = new bytes(64);
        for (uint256 i = 0; i < 64; ++i) truncated[i] = sig[i];
        bytes[4] memory bad = [other, nextNonce, truncated, new bytes(0)];
        for (uint256 i = 0; i < bad.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
            router.setAuthorization(funder, 500e6, expiry, bad[i]);
        }
        // Any signed field changed.
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
        router.setAuthorization(funder, 500e6 + 1, expiry, sig);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
        router.setAuthorization(funder, 500e6, expiry + 1, sig);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, stranger));
        router.setAuthorization(stranger, 500e6, expiry, sig);
        assertEq(router.nonces(funder), 0, "nonce untouched");
        router.setAuthorization(funder, 500e6, expiry, sig);
        assertEq(router.nonces(funder), 1);
    }

    /// @dev The attack: after the cap is spent, the operator resubmits the funder's old signature to
    /// reset `spent` and pull again.
    function test_setAuthorization_revertsOnAReplayedSignature() public {
        bytes memory sig = _signAuthorization(FUNDER_KEY, funder, 500e6, expiry, 0);
        router.setAuthorization(funder, 500e6, expiry, sig);
        router.execute(_pullFromFunder(500e6), treasury);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
        router.setAuthorization(funder, 500e6, expiry, sig);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 500e6, 500e6, 1));
        router.execute(_pullFromFunder(1), treasury);
        assertEq(usd.balanceOf(funder), 1_000_000e6 - 500e6, "pulled once");
    }

    /// @dev Signatures are bound to one router (the domain's verifying contract).
    function test_setAuthorization_revertsForASignatureMadeForAnotherRouter() public {
        PayoutRouter other = new PayoutRouter(address(this), usd, splitter, distributor, receivers);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(FUNDER_KEY, other.authorizationDigest(funder, 500e6, expiry, 0));
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
        router.setAuthorization(funder, 500e6, expiry, abi.encodePacked(r, s, v));
        other.setAuthorization(funder, 500e6, expiry, abi.encodePacked(r, s, v));
    }

    function test_setAuthorization_acceptsAContractWalletsSignature() public {
        MockERC1271Wallet wallet = new MockERC1271Wallet(funder);
        address w = address(wallet);
        router.setAuthorization(w, 300e6, expiry, _signAuthorization(FUNDER_KEY, w, 300e6, expiry, 0));
        (uint256 cap,,,) = router.authorizationOf(w);
        assertEq(cap, 300e6);
        bytes memory strangersKey = _signAuthorization(0xBEEF, w, 300e6, expiry, 1);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, w));
        router.setAuthorization(w, 300e6, expiry, strangersKey);
    }

    function test_setAuthorization_revertsOutOfRange() public {
        uint256 big = uint256(type(uint96).max) + 1;
        uint256 late = uint256(type(uint64).max) + 1;
        bytes memory bigSig = _signAuthorization(FUNDER_KEY, funder, big, expiry, 0);
        bytes memory lateSig = _signAuthorization(FUNDER_KEY, funder, 1, late, 0);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationOutOfRange.selector, big, expiry));
        router.setAuthorization(funder, big, expiry, bigSig);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationOutOfRange.selector, 1, late));
        router.setAuthorization(funder, 1, late, lateSig);
        _authorize(type(uint96).max, type(uint64).max); // the largest values fit
        (uint256 cap,, uint256 until,) = router.authorizationOf(funder);
        assertEq(cap, type(uint96).max);
        assertEq(until, type(uint64).max);
    }

    /// @dev The digest is plain EIP-712 over the documented type: what the C# signer computes.
    function test_authorizationDigest_isEip712OverTheDocumentedType() public view {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("TokenPlatform PayoutRouter"),
                keccak256("1"),
                block.chainid,
                address(router)
            )
        );
        assertEq(router.DOMAIN_SEPARATOR(), domain, "domain separator");
        bytes32 typeHash = keccak256("FundingAuthorization(address funder,uint256 cap,uint256 expiry,uint256 nonce)");
        assertEq(router.FUNDING_AUTHORIZATION_TYPEHASH(), typeHash, "type hash");
        bytes32 structHash = keccak256(abi.encode(typeHash, funder, uint256(7), uint256(8), uint256(9)));
        assertEq(router.authorizationDigest(funder, 7, 8, 9), keccak256(abi.encodePacked(hex"1901", domain, structHash)), "digest");
    }

    // ------------------------------------------------------------ limits on execute

    function test_execute_revertsWithoutAnAuthorization() public {
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExpired.selector, funder));
        router.execute(_pullFromFunder(1), treasury);
        IPayoutRouter.Payout[] memory noFunder = _pull(1);
        noFunder[0].split = splitA;
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExpired.selector, address(0)));
        router.execute(noFunder, treasury);
    }

    function test_execute_revertsOnAnExpiredAuthorization() public {
        _authorize(500e6, expiry);
        vm.warp(expiry - 1);
        router.execute(_pullFromFunder(100e6), treasury);
        vm.warp(expiry);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExpired.selector, funder));
        router.execute(_pullFromFunder(100e6), treasury);
        assertEq(_spent(), 100e6);
    }

    function test_execute_revertsOverTheCapCumulatively() public {
        _authorize(500e6, expiry);
        router.execute(_pullFromFunder(300e6), treasury);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 500e6, 300e6, 200e6 + 1));
        router.execute(_pullFromFunder(200e6 + 1), treasury);
        IPayoutRouter.Payout[] memory payouts = _pullFromFunder(150e6);
        payouts[0].walletFees = 50e6; // fees count against the cap too
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.FundsCollected(funder, ASSET_A, 50e6, 150e6, 0);
        router.execute(payouts, treasury);
        assertEq(_spent(), 500e6, "exactly the cap");
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 500e6, 500e6, 1));
        router.execute(_pullFromFunder(1), treasury);
        assertEq(usd.balanceOf(funder), 1_000_000e6 - 500e6);
    }

    /// @dev Two payouts of one funder in one call share the cap.
    function test_execute_revertsOverTheCapWithinOneCall() public {
        _authorize(500e6, expiry);
        IPayoutRouter.Payout[] memory payouts = new IPayoutRouter.Payout[](2);
        payouts[0] = _pullFromFunder(300e6)[0];
        payouts[1] = _payout(ASSET_B, splitB);
        payouts[1].funder = funder;
        payouts[1].walletToStream = 200e6 + 1;
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 500e6, 300e6, 200e6 + 1));
        router.execute(payouts, treasury);
        assertEq(_spent(), 0, "undone");
    }

    /// @dev An amount near 2^256 must hit the cap check, not wrap around it.
    function test_execute_revertsOnAnOverflowingAmount() public {
        _authorize(500e6, expiry);
        IPayoutRouter.Payout[] memory payouts = _pullFromFunder(type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 500e6, 0, type(uint256).max));
        router.execute(payouts, treasury);
        payouts[0].walletFees = 1;
        vm.expectRevert(); // fees + toStream overflows: a checked-arithmetic panic
        router.execute(payouts, treasury);
    }

    // ------------------------------------------------------------ revocation and renewal

    function test_setAuthorization_withAZeroCapRevokes() public {
        _authorize(500e6, expiry);
        router.execute(_pullFromFunder(100e6), treasury);
        _authorize(0, expiry);
        (uint256 cap, uint256 spent,,) = router.authorizationOf(funder);
        assertEq(cap, 0, "revoked");
        assertEq(spent, 0);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 0, 0, 1));
        router.execute(_pullFromFunder(1), treasury);
    }

    function test_revoke_stopsPulls() public {
        _authorize(500e6, expiry);
        router.execute(_pullFromFunder(100e6), treasury);
        vm.expectEmit(true, true, true, true);
        emit IPayoutRouter.AuthorizationRevoked(funder);
        vm.prank(funder);
        router.revoke();
        (uint256 cap, uint256 spent, uint256 until, uint256 nonce) = router.authorizationOf(funder);
        assertEq(cap + spent + until, 0, "cleared");
        assertEq(nonce, 2, "revoking consumes a nonce");
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExpired.selector, funder));
        router.execute(_pullFromFunder(1), treasury);
    }

    /// @dev The attack: the funder signed an authorization that was never submitted, then revoked;
    /// the relayer submits the old signature afterwards.
    function test_revoke_invalidatesASignedButUnsubmittedAuthorization() public {
        bytes memory sig = _signAuthorization(FUNDER_KEY, funder, 500e6, expiry, 0);
        vm.prank(funder);
        router.revoke();
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.InvalidAuthorizationSignature.selector, funder));
        router.setAuthorization(funder, 500e6, expiry, sig);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExpired.selector, funder));
        router.execute(_pullFromFunder(1), treasury);
    }

    /// @dev Only the caller's own authorization: a stranger's revoke leaves the funder's intact.
    function test_revoke_touchesOnlyTheCallersAuthorization() public {
        _authorize(500e6, expiry);
        vm.prank(stranger);
        router.revoke();
        router.execute(_pullFromFunder(500e6), treasury);
        assertEq(_spent(), 500e6);
    }

    function test_setAuthorization_aNewAuthorizationResetsSpent() public {
        _authorize(500e6, expiry);
        router.execute(_pullFromFunder(400e6), treasury);
        _authorize(300e6, expiry + 30 days);
        (uint256 cap, uint256 spent, uint256 until, uint256 nonce) = router.authorizationOf(funder);
        assertEq(cap, 300e6);
        assertEq(spent, 0, "reset");
        assertEq(until, expiry + 30 days);
        assertEq(nonce, 2);
        router.execute(_pullFromFunder(300e6), treasury);
        vm.expectRevert(abi.encodeWithSelector(IPayoutRouter.AuthorizationExceeded.selector, funder, 300e6, 300e6, 1));
        router.execute(_pullFromFunder(1), treasury);
        assertEq(usd.balanceOf(funder), 1_000_000e6 - 700e6);
        _assertRouterEmpty();
    }
}
