// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {IAssetToken} from "../src/interfaces/IAssetToken.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Settlement} from "../src/Settlement.sol";

contract NoReceiver {}

contract AssetTokenTest is Fixture {
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        verify(bob);
        id = assetHeldBy(alice, 1_000, 0, 500);
    }

    function _status(IAssetToken.TransferStatus s) internal pure returns (uint8) {
        return uint8(s);
    }

    function _notAllowed(address from, address to, uint256 assetId, uint256 amount, IAssetToken.TransferStatus s)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(IAssetToken.TransferNotAllowed.selector, from, to, assetId, amount, s);
    }

    // ------------------------------------------------------------ createAsset

    function test_createAsset_mintsSupplyAndStoresTerms() public {
        uint256 next = token.createAsset(terms(address(sale), 500, 100, uint64(block.timestamp + 30 days), 250));
        IAssetToken.AssetInfo memory info = token.assetInfo(next);
        assertEq(next, id + 1, "sequential id");
        assertEq(token.balanceOf(address(sale), next), 500, "supply minted to holder");
        assertEq(token.totalSupply(next), 500);
        assertEq(info.issuer, issuer);
        assertEq(info.maxHolding, 100);
        assertEq(info.royaltyBps, 250);
        assertEq(token.assetCount(), 2);
    }

    function test_createAsset_revertsForNonIssuerAdmin() public {
        IAssetToken.AssetTerms memory t = terms(alice, 1, 0, 0, 0);
        bytes32 role = token.ISSUER_ADMIN_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        token.createAsset(t);
    }

    function test_createAsset_revertsOnZeroSupply() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "zero supply"));
        token.createAsset(terms(alice, 0, 0, 0, 0));
    }

    function test_createAsset_revertsOnZeroIssuerOrHolder() public {
        IAssetToken.AssetTerms memory t = terms(alice, 10, 0, 0, 0);
        t.issuer = address(0);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, address(0)));
        token.createAsset(t);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, address(0)));
        token.createAsset(terms(address(0), 10, 0, 0, 0));
    }

    function test_createAsset_revertsWhenMaxHoldingAboveSupply() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "max holding above supply"));
        token.createAsset(terms(alice, 10, 11, 0, 0));
    }

    function test_createAsset_revertsWhenRoyaltyAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.RoyaltyAboveCap.selector, ROYALTY_CAP_BPS + 1, ROYALTY_CAP_BPS));
        token.createAsset(terms(alice, 10, 0, 0, ROYALTY_CAP_BPS + 1));
    }

    function test_createAsset_revertsOnRoyaltyWithoutReceiver() public {
        IAssetToken.AssetTerms memory t = terms(alice, 10, 0, 0, 100);
        t.royaltyReceiver = address(0);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "royalty without receiver"));
        token.createAsset(t);
    }

    function test_createAsset_revertsForUnverifiedOrFrozenHolder() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, outsider));
        token.createAsset(terms(outsider, 10, 0, 0, 0));
        settlement.setFrozen(bob, true);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, bob));
        token.createAsset(terms(bob, 10, 0, 0, 0));
    }

    function test_createAsset_revertsWhenNonExemptHolderWouldExceedMaxHolding() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "holder would exceed max holding"));
        token.createAsset(terms(alice, 10, 5, 0, 0));
    }

    function test_createAsset_revertsForContractHolderWithoutReceiverHook() public {
        NoReceiver holder = new NoReceiver();
        settlement.setExempt(address(holder), true);
        vm.expectRevert();
        token.createAsset(terms(address(holder), 10, 0, 0, 0));
    }

    // ------------------------------------------------------------ documents, pause, admin

    function test_anchorDocument_appendsAndEmits() public {
        bytes32 hash = sha256("deed");
        vm.expectEmit(true, true, false, true);
        emit IAssetToken.DocumentAnchored(id, 0, "Title deed", "ipfs://deed", hash);
        uint256 index = token.anchorDocument(id, "Title deed", "ipfs://deed", hash);
        IAssetToken.Document memory doc = token.documentAt(id, index);
        assertEq(token.documentCount(id), 1);
        assertEq(doc.sha256Hash, hash);
        assertEq(doc.name, "Title deed", "name");
    }

    function test_anchorDocument_revertsOnUnknownAssetEmptyHashEmptyNameAndRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 99));
        token.anchorDocument(99, "x", "u", bytes32(uint256(1)));
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "empty document hash"));
        token.anchorDocument(id, "x", "u", bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidTerms.selector, "empty document name"));
        token.anchorDocument(id, "", "u", bytes32(uint256(1)));
        bytes32 role = token.ISSUER_ADMIN_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        token.anchorDocument(id, "x", "u", bytes32(uint256(1)));
    }

    function test_setAssetPaused_blocksTransfersUntilResumed() public {
        token.setAssetPaused(id, true);
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, id, 1, IAssetToken.TransferStatus.AssetPaused));
        token.safeTransferFrom(alice, bob, id, 1, "");
        token.setAssetPaused(id, false);
        vm.prank(alice);
        token.safeTransferFrom(alice, bob, id, 1, "");
        assertEq(token.balanceOf(bob, id), 1);
    }

    function test_setAssetPaused_revertsForNonAgentAndUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 42));
        token.setAssetPaused(42, true);
        bytes32 role = token.AGENT_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        token.setAssetPaused(id, true);
    }

    function test_setRegistryAndRoyaltyCap_areAdminOnlyAndBounded() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.RoyaltyAboveCap.selector, 10_001, 10_000));
        token.setRoyaltyCap(10_001);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, address(0)));
        token.setRegistry(Settlement(address(0)));
        token.setRoyaltyCap(2_000);
        assertEq(token.royaltyCapBps(), 2_000);
        vm.startPrank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        token.setRoyaltyCap(1);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        token.setRegistry(settlement);
        vm.stopPrank();
    }

    // ------------------------------------------------------------ transfers

    function test_safeTransferFrom_movesBetweenVerifiedInvestors() public {
        vm.expectEmit(true, true, true, true);
        emit IERC1155.TransferSingle(alice, alice, bob, id, 10);
        vm.prank(alice);
        token.safeTransferFrom(alice, bob, id, 10, "");
        assertEq(token.balanceOf(alice, id), 990);
        assertEq(token.balanceOf(bob, id), 10);
    }

    function test_safeTransferFrom_revertsForEachComplianceRule() public {
        // Receiver not verified.
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, outsider, id, 1, IAssetToken.TransferStatus.ReceiverNotVerified));
        token.safeTransferFrom(alice, outsider, id, 1, "");
        // Sender frozen.
        settlement.setFrozen(alice, true);
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, id, 1, IAssetToken.TransferStatus.SenderFrozen));
        token.safeTransferFrom(alice, bob, id, 1, "");
        settlement.setFrozen(alice, false);
        // Receiver frozen.
        settlement.setFrozen(bob, true);
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, id, 1, IAssetToken.TransferStatus.ReceiverFrozen));
        token.safeTransferFrom(alice, bob, id, 1, "");
        settlement.setFrozen(bob, false);
        // Insufficient balance.
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, id, 1_001, IAssetToken.TransferStatus.InsufficientBalance));
        token.safeTransferFrom(alice, bob, id, 1_001, "");
        // Sender no longer verified (KYC expired).
        vm.warp(block.timestamp + YEAR + 1);
        verify(bob);
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, id, 1, IAssetToken.TransferStatus.SenderNotVerified));
        token.safeTransferFrom(alice, bob, id, 1, "");
    }

    function test_safeTransferFrom_enforcesLockupExceptForExemptSenders() public {
        uint256 locked = token.createAsset(terms(alice, 100, 0, uint64(block.timestamp + 30 days), 0));
        vm.prank(alice);
        vm.expectRevert(_notAllowed(alice, bob, locked, 1, IAssetToken.TransferStatus.LockedUp));
        token.safeTransferFrom(alice, bob, locked, 1, "");
        settlement.setExempt(alice, true);
        vm.prank(alice);
        token.safeTransferFrom(alice, bob, locked, 1, "");
        settlement.setExempt(alice, false);
        vm.warp(block.timestamp + 30 days);
        vm.prank(alice);
        token.safeTransferFrom(alice, bob, locked, 1, "");
        assertEq(token.balanceOf(bob, locked), 2);
    }

    function test_safeTransferFrom_enforcesMaxHoldingAtTheBoundary() public {
        uint256 capped = token.createAsset(terms(address(sale), 100, 10, 0, 0));
        vm.prank(address(sale));
        token.safeTransferFrom(address(sale), bob, capped, 10, ""); // exactly the maximum
        vm.prank(address(sale));
        vm.expectRevert(_notAllowed(address(sale), bob, capped, 1, IAssetToken.TransferStatus.MaxHoldingExceeded));
        token.safeTransferFrom(address(sale), bob, capped, 1, "");
    }

    function test_safeTransferFrom_requiresOwnerOrApprovedOperator() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.NotOwnerNorApproved.selector, bob, alice));
        token.safeTransferFrom(alice, bob, id, 1, "");
        vm.prank(alice);
        token.setApprovalForAll(bob, true);
        assertTrue(token.isApprovedForAll(alice, bob));
        vm.prank(bob);
        token.safeTransferFrom(alice, bob, id, 1, "");
        assertEq(token.balanceOf(bob, id), 1);
    }

    function test_safeTransferFrom_revertsToZeroAddressAndToContractsWithoutHook() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, address(0)));
        token.safeTransferFrom(alice, address(0), id, 1, "");
        NoReceiver holder = new NoReceiver();
        verify(address(holder));
        vm.prank(alice);
        vm.expectRevert();
        token.safeTransferFrom(alice, address(holder), id, 1, "");
    }

    function test_setApprovalForAll_revertsForZeroOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InvalidReceiver.selector, address(0)));
        token.setApprovalForAll(address(0), true);
    }

    function test_safeBatchTransferFrom_movesSeveralIdsAndChecksLengths() public {
        uint256 second = token.createAsset(terms(alice, 50, 0, 0, 0));
        uint256[] memory ids = new uint256[](2);
        uint256[] memory values = new uint256[](2);
        ids[0] = id;
        ids[1] = second;
        values[0] = 3;
        values[1] = 4;
        vm.prank(alice);
        token.safeBatchTransferFrom(alice, bob, ids, values, "");
        address[] memory owners = new address[](2);
        owners[0] = bob;
        owners[1] = bob;
        uint256[] memory balances = token.balanceOfBatch(owners, ids);
        assertEq(balances[0], 3);
        assertEq(balances[1], 4);
        uint256[] memory short = new uint256[](1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.ArrayLengthMismatch.selector, 2, 1));
        token.safeBatchTransferFrom(alice, bob, ids, short, "");
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.ArrayLengthMismatch.selector, 2, 1));
        token.balanceOfBatch(owners, short);
    }

    // ------------------------------------------------------------ canTransfer

    function test_canTransfer_returnsReasonCodesWithoutReverting() public {
        assertEq(_status(token.canTransfer(alice, bob, id, 1)), _status(IAssetToken.TransferStatus.Ok), "ok");
        assertEq(_status(token.canTransfer(alice, bob, 77, 1)), _status(IAssetToken.TransferStatus.UnknownAsset), "unknown");
        assertEq(_status(token.canTransfer(outsider, bob, id, 1)), _status(IAssetToken.TransferStatus.SenderNotVerified), "sender");
        assertEq(_status(token.canTransfer(alice, outsider, id, 1)), _status(IAssetToken.TransferStatus.ReceiverNotVerified), "receiver");
        assertEq(_status(token.canTransfer(alice, bob, id, 5_000)), _status(IAssetToken.TransferStatus.InsufficientBalance), "balance");
        token.setAssetPaused(id, true);
        assertEq(_status(token.canTransfer(alice, bob, id, 1)), _status(IAssetToken.TransferStatus.AssetPaused), "paused");
    }

    // ------------------------------------------------------------ forcedTransfer

    function test_forcedTransfer_recoversFromAFrozenWalletWithReason() public {
        settlement.setFrozen(alice, true);
        token.setAssetPaused(id, true);
        vm.expectEmit(true, true, true, true);
        emit IAssetToken.ForcedTransfer(id, alice, bob, 400, "lost keys, ticket 1234", address(this));
        token.forcedTransfer(alice, bob, id, 400, "lost keys, ticket 1234");
        assertEq(token.balanceOf(bob, id), 400);
        assertEq(token.balanceOf(alice, id), 600);
    }

    function test_forcedTransfer_revertsOnMissingReasonBadReceiverAndRole() public {
        vm.expectRevert(IAssetToken.EmptyReason.selector);
        token.forcedTransfer(alice, bob, id, 1, "");
        vm.expectRevert(_notAllowed(alice, outsider, id, 1, IAssetToken.TransferStatus.ReceiverNotVerified));
        token.forcedTransfer(alice, outsider, id, 1, "r");
        settlement.setFrozen(bob, true);
        vm.expectRevert(_notAllowed(alice, bob, id, 1, IAssetToken.TransferStatus.ReceiverFrozen));
        token.forcedTransfer(alice, bob, id, 1, "r");
        settlement.setFrozen(bob, false);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InsufficientBalance.selector, alice, id, 1_000, 1_001));
        token.forcedTransfer(alice, bob, id, 1_001, "r");
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 5));
        token.forcedTransfer(alice, bob, 5, 1, "r");
        bytes32 role = token.AGENT_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        token.forcedTransfer(alice, bob, id, 1, "r");
    }

    function test_forcedTransfer_revertsAboveTheReceiversMaxHolding() public {
        settlement.setExempt(alice, true); // an escrow may hold more than the cap
        uint256 capped = token.createAsset(terms(alice, 1_000, 100, 0, 0));
        vm.expectRevert(_notAllowed(alice, bob, capped, 101, IAssetToken.TransferStatus.MaxHoldingExceeded));
        token.forcedTransfer(alice, bob, capped, 101, "court order");
        token.forcedTransfer(alice, bob, capped, 100, "court order");
        vm.expectRevert(_notAllowed(alice, bob, capped, 1, IAssetToken.TransferStatus.MaxHoldingExceeded));
        token.forcedTransfer(alice, bob, capped, 1, "court order");
        assertEq(token.balanceOf(bob, capped), 100, "at the cap, not above");
        // An exempt receiver (platform treasury) is not bound by the cap.
        settlement.setExempt(bob, true);
        token.forcedTransfer(alice, bob, capped, 400, "court order");
        assertEq(token.balanceOf(bob, capped), 500);
    }

        // ------------------------------------------------------------ applySettlement

    function _settle(uint256 assetId, int256 aliceDelta, int256 bobDelta) internal {
        uint256[] memory ids = new uint256[](1);
        ids[0] = assetId;
        address[] memory accounts = new address[](2);
        accounts[0] = alice;
        accounts[1] = bob;
        int256[] memory deltas = new int256[](2);
        deltas[0] = aliceDelta << 128;
        deltas[1] = bobDelta << 128;
        vm.prank(address(settlement));
        token.applySettlement(1, ids, accounts, deltas);
    }

    function test_applySettlement_appliesBalancedDeltas() public {
        _settle(id, -30, 30);
        assertEq(token.balanceOf(alice, id), 970);
        assertEq(token.balanceOf(bob, id), 30);
    }

    function test_applySettlement_creditsProceedsWithoutTouchingFractions_andTakeProceedsSweepsThem() public {
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        address[] memory accounts = new address[](2);
        accounts[0] = alice;
        accounts[1] = bob;
        int256[] memory deltas = new int256[](2);
        deltas[0] = (int256(-5) << 128) + 777;
        deltas[1] = int256(5) << 128;
        vm.prank(address(settlement));
        token.applySettlement(1, ids, accounts, deltas);
        assertEq(token.balanceOf(alice, id), 995, "fractions moved");
        assertEq(token.proceedsOf(alice, id), 777, "proceeds credited");
        vm.prank(alice);
        token.safeTransferFrom(alice, bob, id, 5, ""); // a plain transfer keeps the proceeds
        assertEq(token.proceedsOf(alice, id), 777, "proceeds kept");
        vm.prank(address(settlement));
        assertEq(token.takeProceeds(alice, ids), 777);
        assertEq(token.proceedsOf(alice, id), 0);
        assertEq(token.balanceOf(alice, id), 990);
        bytes32 role = token.SETTLEMENT_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        token.takeProceeds(alice, ids);
    }

    function test_applySettlement_revertsWhenUnbalancedShortPausedLockedOrOverMax() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnbalancedSettlement.selector, id, int256(1)));
        _settle(id, -29, 30);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InsufficientBalance.selector, bob, id, 0, 1));
        _settle(id, 1, -1);
        token.setAssetPaused(id, true);
        vm.expectRevert(_notAllowed(address(0), address(0), id, 0, IAssetToken.TransferStatus.AssetPaused));
        _settle(id, -1, 1);
        uint256 locked = token.createAsset(terms(alice, 100, 0, uint64(block.timestamp + 1 days), 0));
        vm.expectRevert(_notAllowed(address(0), address(0), locked, 0, IAssetToken.TransferStatus.LockedUp));
        _settle(locked, -1, 1);
        uint256 capped = token.createAsset(terms(address(sale), 100, 10, 0, 0));
        vm.startPrank(address(sale));
        token.safeTransferFrom(address(sale), alice, capped, 10, "");
        token.safeTransferFrom(address(sale), bob, capped, 6, "");
        vm.stopPrank();
        vm.expectRevert(_notAllowed(address(0), bob, capped, 5, IAssetToken.TransferStatus.MaxHoldingExceeded));
        _settle(capped, -5, 5);
    }

    function test_applySettlement_revertsForNonSettlementAndBadShape() public {
        uint256[] memory ids = new uint256[](1);
        address[] memory accounts = new address[](2);
        int256[] memory deltas = new int256[](1);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), token.SETTLEMENT_ROLE()));
        token.applySettlement(1, ids, accounts, deltas);
        vm.prank(address(settlement));
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.ArrayLengthMismatch.selector, 2, 1));
        token.applySettlement(1, ids, accounts, deltas);
    }

    // ------------------------------------------------------------ metadata, royalty, interfaces

    function test_royaltyInfo_roundsDownAndNamesTheReceiver() public view {
        (address receiver, uint256 amount) = token.royaltyInfo(id, 1_999);
        assertEq(receiver, address(splitter));
        assertEq(amount, 99, "5% of 1999, floored");
        (address none, uint256 zero) = token.royaltyInfo(999, 1_000);
        assertEq(none, address(0));
        assertEq(zero, 0);
    }

    function test_supportsInterface_andUri() public view {
        assertTrue(token.supportsInterface(type(IERC1155).interfaceId), "1155");
        assertTrue(token.supportsInterface(type(IERC2981).interfaceId), "2981");
        assertTrue(token.supportsInterface(type(IAccessControl).interfaceId), "access control");
        assertFalse(token.supportsInterface(0xdeadbeef), "random");
        assertEq(token.uri(id), "https://tokenplatform.local/assets/{id}.json", "uri");
    }

    function test_royaltyTermsOf_revertsOnUnknownAsset() public {
        uint256[] memory ids = new uint256[](1);
        ids[0] = 404;
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 404));
        token.royaltyTermsOf(ids);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 404));
        token.assetInfo(404);
    }
}
