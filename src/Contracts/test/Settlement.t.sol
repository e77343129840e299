// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {Merkle} from "./utils/Merkle.sol";
import {ISettlement} from "../src/interfaces/ISettlement.sol";
import {IInvestorRegistry} from "../src/interfaces/IInvestorRegistry.sol";
import {IAssetToken} from "../src/interfaces/IAssetToken.sol";
import {TradeMerkle} from "../src/libraries/TradeMerkle.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract SettlementTest is Fixture {
    address internal seller;
    address internal buyer;
    uint256 internal art;
    uint256 internal house;

    function setUp() public override {
        super.setUp();
        seller = fundedInvestor(1, 0);
        buyer = fundedInvestor(2, 10_000e6);
        art = token.createAsset(terms(seller, 1_000, 0, 0, 500)); // 5% resale royalty
        house = token.createAsset(terms(seller, 1_000, 0, 0, 0));
    }

    function _pair() internal view returns (address[] memory accounts) {
        accounts = new address[](2);
        accounts[0] = buyer;
        accounts[1] = seller;
    }

    function _ids() internal view returns (uint256[] memory ids) {
        ids = new uint256[](2);
        ids[0] = art;
        ids[1] = house;
    }

    function _one(uint256 assetIndex, uint256 qty, uint256 price, uint256 feeBps) internal view returns (uint256[] memory trades) {
        trades = new uint256[](1);
        trades[0] = TradeMerkle.encode(0, 1, assetIndex, qty, price, feeBps);
    }

    // ------------------------------------------------------------ registry

    function test_registerInvestors_recordsCountryAndExpiry() public {
        address[] memory accounts = new address[](1);
        accounts[0] = outsider;
        uint16[] memory countries = new uint16[](1);
        countries[0] = 276;
        uint64[] memory expiries = new uint64[](1);
        expiries[0] = uint64(block.timestamp + 10);
        vm.expectEmit(true, false, false, true);
        emit IInvestorRegistry.InvestorRegistered(outsider, 276, expiries[0]);
        settlement.registerInvestors(accounts, countries, expiries);
        IInvestorRegistry.Investor memory record = settlement.investorOf(outsider);
        assertEq(record.country, 276);
        assertTrue(settlement.isVerified(outsider));
        vm.warp(block.timestamp + 10);
        assertFalse(settlement.isVerified(outsider), "expired at kycExpiry");
    }

    function test_registerInvestors_revertsOnBadInputAndRole() public {
        address[] memory accounts = new address[](1);
        uint16[] memory countries = new uint16[](1);
        uint64[] memory expiries = new uint64[](1);
        uint16[] memory noCountries = new uint16[](0);
        vm.expectRevert(abi.encodeWithSelector(IInvestorRegistry.ArrayLengthMismatch.selector, 1, 0));
        settlement.registerInvestors(accounts, noCountries, expiries);
        expiries[0] = uint64(block.timestamp + 1);
        vm.expectRevert(IInvestorRegistry.ZeroAddress.selector);
        settlement.registerInvestors(accounts, countries, expiries);
        accounts[0] = outsider;
        expiries[0] = uint64(block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IInvestorRegistry.ExpiryInPast.selector, outsider, uint64(block.timestamp)));
        settlement.registerInvestors(accounts, countries, expiries);
        bytes32 role = settlement.REGISTRAR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        settlement.registerInvestors(accounts, countries, expiries);
    }

    function test_removeInvestors_revokesVerification() public {
        address[] memory accounts = new address[](1);
        accounts[0] = buyer;
        settlement.removeInvestors(accounts);
        assertFalse(settlement.isVerified(buyer));
        bytes32 role = settlement.REGISTRAR_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        settlement.removeInvestors(accounts);
    }

    function test_setFrozenAndExempt_areRoleGuardedAndRejectZero() public {
        settlement.setFrozen(buyer, true);
        (, bool frozen,) = settlement.complianceOf(buyer);
        assertTrue(frozen);
        vm.expectRevert(IInvestorRegistry.ZeroAddress.selector);
        settlement.setFrozen(address(0), true);
        vm.expectRevert(IInvestorRegistry.ZeroAddress.selector);
        settlement.setExempt(address(0), true);
        bytes32 agent = settlement.AGENT_ROLE();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, agent));
        settlement.setFrozen(buyer, false);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, bytes32(0)));
        settlement.setExempt(outsider, true);
    }

    // ------------------------------------------------------------ cash

    function test_deposit_creditsCashAndHoldsTokens() public view {
        assertEq(settlement.cashOf(buyer), 10_000e6);
        assertEq(usd.balanceOf(address(settlement)), 10_000e6);
    }

    function test_deposit_revertsOnZeroFrozenAndPaused() public {
        vm.prank(buyer);
        vm.expectRevert(ISettlement.ZeroAmount.selector);
        settlement.deposit(0);
        settlement.setFrozen(buyer, true);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.AccountFrozen.selector, buyer));
        settlement.deposit(1);
        settlement.pause();
        vm.prank(seller);
        vm.expectRevert(ISettlement.EnforcedPause.selector);
        settlement.deposit(1);
    }

    function test_depositWithPermit_needsNoPriorApproval() public {
        uint256 key = 0xA11CE;
        address holder = vm.addr(key);
        usd.mint(holder, 50e6);
        bytes32 digest = _permitDigest(holder, address(settlement), 50e6, 0, block.timestamp + 1 hours);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        vm.prank(holder);
        settlement.depositWithPermit(50e6, block.timestamp + 1 hours, v, r, s);
        assertEq(settlement.cashOf(holder), 50e6);
    }

    function _permitDigest(address owner, address spender, uint256 value, uint256 nonce, uint256 deadline) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"), owner, spender, value, nonce, deadline
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
    }

    function test_withdraw_paysOutEvenWhilePaused() public {
        settlement.pause();
        vm.prank(buyer);
        settlement.withdraw(outsider, 1_000e6);
        assertEq(usd.balanceOf(outsider), 1_000e6);
        assertEq(settlement.cashOf(buyer), 9_000e6);
    }

    function test_withdraw_revertsOnZeroTargetAmountShortfallAndFrozen() public {
        vm.startPrank(buyer);
        vm.expectRevert(IInvestorRegistry.ZeroAddress.selector);
        settlement.withdraw(address(0), 1);
        vm.expectRevert(ISettlement.ZeroAmount.selector);
        settlement.withdraw(buyer, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.InsufficientCash.selector, buyer, 10_000e6, 10_001e6));
        settlement.withdraw(buyer, 10_001e6);
        vm.stopPrank();
        settlement.setFrozen(buyer, true);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.AccountFrozen.selector, buyer));
        settlement.withdraw(buyer, 1);
    }

    // ------------------------------------------------------------ settleBatch

    function test_settleBatch_movesFractionsCashFeeAndRoyalty() public {
        uint256[] memory trades = new uint256[](2);
        trades[0] = TradeMerkle.encode(0, 1, 0, 10, 100e6, 50); // art: 10 x 100 USD, 0.5% fee
        trades[1] = TradeMerkle.encode(0, 1, 1, 3, 7e6, 100); // house: 3 x 7 USD, 1% fee
        bytes32 root = settlement.settleBatch(7, _pair(), _ids(), trades);

        uint256 artNotional = 1_000e6;
        uint256 houseNotional = 21e6;
        uint256 fees = artNotional * 50 / 10_000 + houseNotional * 100 / 10_000;
        uint256 royalty = artNotional * 500 / 10_000;
        assertEq(token.balanceOf(buyer, art), 10, "buyer art");
        assertEq(token.balanceOf(buyer, house), 3, "buyer house");
        assertEq(token.balanceOf(seller, art), 990, "seller art");
        assertEq(settlement.cashOf(buyer), 10_000e6 - artNotional - houseNotional - fees, "buyer cash");
        assertEq(settlement.cashOf(seller), 0, "seller proceeds wait on the positions");
        assertEq(token.proceedsOf(seller, art), artNotional - royalty, "art proceeds");
        assertEq(token.proceedsOf(seller, house), houseNotional, "house proceeds");
        assertEq(settlement.feesAccrued(), fees, "fees accrued");
        assertEq(settlement.royaltiesAccrued(art), royalty, "royalty accrued");
        assertEq(settlement.batchRoot(7), root, "root stored");

        vm.prank(outsider); // anyone may sweep: value only moves between two balances of the seller
        assertEq(settlement.sweepProceeds(seller, _ids()), artNotional - royalty + houseNotional);
        assertEq(settlement.cashOf(seller), artNotional - royalty + houseNotional, "seller cash after sweep");
        assertEq(settlement.releaseFees(), fees);
        assertEq(usd.balanceOf(treasury), fees, "fees paid to the treasury");
        vm.expectRevert(ISettlement.ZeroAmount.selector);
        settlement.releaseFees();
    }

    function test_settleBatch_rootProvesEachTrade() public {
        uint256[] memory trades = new uint256[](3);
        trades[0] = TradeMerkle.encode(0, 1, 0, 1, 5e6, 0);
        trades[1] = TradeMerkle.encode(0, 1, 1, 2, 6e6, 10);
        trades[2] = TradeMerkle.encode(0, 1, 0, 3, 7e6, 20);
        settlement.settleBatch(9, _pair(), _ids(), trades);
        bytes32[] memory leaves = new bytes32[](3);
        leaves[0] = settlement.tradeLeaf(9, buyer, seller, art, 1, 5e6, 0);
        leaves[1] = settlement.tradeLeaf(9, buyer, seller, house, 2, 6e6, 10);
        leaves[2] = settlement.tradeLeaf(9, buyer, seller, art, 3, 7e6, 20);
        for (uint256 i = 0; i < 3; ++i) {
            bytes32[] memory proof = Merkle.pairwiseProof(leaves, i);
            TradeMerkle.Trade memory t = TradeMerkle.decode(trades[i]);
            assertTrue(settlement.verifyTrade(9, buyer, seller, _ids()[t.asset], t.quantity, t.price, t.feeBps, proof), "proof");
        }
        bytes32[] memory firstProof = Merkle.pairwiseProof(leaves, 0);
        assertFalse(settlement.verifyTrade(9, buyer, seller, art, 2, 5e6, 0, firstProof), "altered quantity");
        assertFalse(settlement.verifyTrade(10, buyer, seller, art, 1, 5e6, 0, firstProof), "unsettled batch");
    }

    function testFuzz_merkleRoot_matchesTheReferenceImplementation(uint256 seed, uint8 count) public pure {
        uint256 n = bound(count, 0, 70);
        bytes32[] memory a = new bytes32[](n);
        bytes32[] memory b = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            a[i] = keccak256(abi.encode(seed, i));
            b[i] = a[i];
        }
        if (n > 3) b[n - 1] = a[0]; // duplicate leaves hash the same either way
        if (n > 3) a[n - 1] = a[0];
        assertEq(TradeMerkle.root(a), TradeMerkle.rootReference(b));
    }

    function test_encodeTrade_matchesTheLibrary() public view {
        assertEq(settlement.encodeTrade(3, 4, 1, 5, 6, 7), TradeMerkle.encode(3, 4, 1, 5, 6, 7));
    }

    function test_settleBatch_rejectsReplayedBatchId() public {
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 1, 1e6, 0));
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BatchAlreadySettled.selector, 1));
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 1, 1e6, 0));
    }

    function test_settleBatch_rejectsMalformedTrades() public {
        address[] memory accounts = _pair();
        uint256[] memory ids = _ids();
        vm.expectRevert(ISettlement.EmptyBatch.selector);
        settlement.settleBatch(1, accounts, ids, new uint256[](0));
        uint256[] memory trades = new uint256[](1);
        trades[0] = TradeMerkle.encode(0, 2, 0, 1, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BadTrade.selector, 0, "index out of range"));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = TradeMerkle.encode(0, 1, 2, 1, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BadTrade.selector, 0, "index out of range"));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = TradeMerkle.encode(1, 1, 0, 1, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BadTrade.selector, 0, "self trade"));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = TradeMerkle.encode(0, 1, 0, 0, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BadTrade.selector, 0, "zero quantity"));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = TradeMerkle.encode(0, 1, 0, 1, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.BadTrade.selector, 0, "zero price"));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = TradeMerkle.encode(0, 1, 0, 1, 1, FEE_CAP_BPS + 1);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.FeeAboveCap.selector, 0, FEE_CAP_BPS + 1, FEE_CAP_BPS));
        settlement.settleBatch(1, accounts, ids, trades);
        trades[0] = 1 << 220;
        vm.expectRevert(abi.encodeWithSelector(TradeMerkle.UnusedBitsSet.selector, 1 << 220));
        settlement.settleBatch(1, accounts, ids, trades);
    }

    function test_settleBatch_revertsWholeBatchWhenAnyLegFails() public {
        uint256[] memory trades = new uint256[](2);
        trades[0] = TradeMerkle.encode(0, 1, 0, 10, 1e6, 0);
        trades[1] = TradeMerkle.encode(0, 1, 1, 2_000, 1e6, 0); // seller holds only 1,000 house
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.InsufficientBalance.selector, seller, house, 1_000, 2_000));
        settlement.settleBatch(1, _pair(), _ids(), trades);
        assertEq(token.balanceOf(buyer, art), 0, "first leg rolled back");
        assertEq(settlement.cashOf(buyer), 10_000e6, "cash rolled back");
        assertEq(settlement.batchRoot(1), bytes32(0), "no root");
    }

    function test_settleBatch_revertsOnTooManyAssetsOrAccounts() public {
        uint256[] memory manyIds = new uint256[](257);
        uint256[] memory trades = _one(0, 1, 1e6, 0);
        address[] memory accounts = _pair();
        vm.expectRevert(abi.encodeWithSelector(ISettlement.TooManyAssets.selector, 257));
        settlement.settleBatch(1, accounts, manyIds, trades);
        address[] memory manyAccounts = new address[](65_537);
        uint256[] memory ids = _ids();
        vm.expectRevert(abi.encodeWithSelector(ISettlement.TooManyAccounts.selector, 65_537));
        settlement.settleBatch(1, manyAccounts, ids, trades);
    }

    function test_settleBatch_revertsOnUnknownAsset() public {
        uint256[] memory ids = _ids();
        ids[1] = 999;
        address[] memory accounts = _pair();
        uint256[] memory trades = _one(0, 1, 1e6, 0);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.UnknownAsset.selector, 999));
        settlement.settleBatch(1, accounts, ids, trades);
    }

    function test_settleBatch_revertsOnInsufficientCash() public {
        vm.expectRevert(abi.encodeWithSelector(ISettlement.InsufficientCash.selector, buyer, 10_000e6, 10_000e6 + 1));
        settlement.settleBatch(1, _pair(), _ids(), _one(1, 1, 10_000e6 + 1, 0));
    }

    function test_settleBatch_revertsForUnverifiedExpiredOrFrozenAccounts() public {
        address[] memory accounts = _pair();
        accounts[1] = outsider;
        vm.expectRevert(abi.encodeWithSelector(ISettlement.AccountNotVerified.selector, outsider));
        settlement.settleBatch(1, accounts, _ids(), _one(0, 1, 1e6, 0));
        settlement.setFrozen(seller, true);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.AccountFrozen.selector, seller));
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 1, 1e6, 0));
        settlement.setFrozen(seller, false);
        vm.warp(block.timestamp + YEAR);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.AccountNotVerified.selector, buyer));
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 1, 1e6, 0));
    }

    function test_settleBatch_revertsWhenPausedOrNotSettler() public {
        bytes32 role = settlement.SETTLER_ROLE();
        address[] memory accounts = _pair();
        uint256[] memory ids = _ids();
        uint256[] memory trades = _one(0, 1, 1e6, 0);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, role));
        settlement.settleBatch(1, accounts, ids, trades);
        settlement.pause();
        vm.expectRevert(ISettlement.EnforcedPause.selector);
        settlement.settleBatch(1, accounts, ids, trades);
        settlement.unpause();
        settlement.settleBatch(1, accounts, ids, trades);
    }

    function test_settleBatch_revertsWhenAssetPaused() public {
        token.setAssetPaused(art, true);
        vm.expectRevert(abi.encodeWithSelector(IAssetToken.TransferNotAllowed.selector, address(0), address(0), art, 0, IAssetToken.TransferStatus.AssetPaused));
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 1, 1e6, 0));
    }

    // ------------------------------------------------------------ royalties, admin

    function test_releaseRoyalties_paysTheReceiverOnce() public {
        settlement.settleBatch(1, _pair(), _ids(), _one(0, 10, 100e6, 0));
        uint256 accrued = settlement.royaltiesAccrued(art);
        assertEq(settlement.releaseRoyalties(art), accrued);
        assertEq(usd.balanceOf(address(splitter)), accrued);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NothingToRelease.selector, art));
        settlement.releaseRoyalties(art);
    }

    function test_adminSetters_areBoundedAndRoleGuarded() public {
        settlement.setTradingFeeCap(30);
        assertEq(settlement.tradingFeeCapBps(), 30);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.FeeAboveCap.selector, 0, 10_001, 10_000));
        settlement.setTradingFeeCap(10_001);
        vm.expectRevert(IInvestorRegistry.ZeroAddress.selector);
        settlement.setTreasury(address(0));
        settlement.setTreasury(outsider);
        assertEq(settlement.treasury(), outsider);
        bytes32 fee = settlement.FEE_MANAGER_ROLE();
        bytes32 pauser = settlement.PAUSER_ROLE();
        vm.startPrank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, fee));
        settlement.setTradingFeeCap(1);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, fee));
        settlement.setTreasury(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, pauser));
        settlement.pause();
        vm.stopPrank();
    }
}
