// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "./Test.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {AssetToken} from "../../src/AssetToken.sol";
import {Settlement} from "../../src/Settlement.sol";
import {PrimarySale} from "../../src/PrimarySale.sol";
import {RoyaltySplitter} from "../../src/RoyaltySplitter.sol";
import {HolderDistributor} from "../../src/HolderDistributor.sol";
import {IAssetToken} from "../../src/interfaces/IAssetToken.sol";
import {IInvestorRegistry} from "../../src/interfaces/IInvestorRegistry.sol";

/// @dev The whole platform deployed and wired as the app does it; the test contract is the admin
/// and holds every operator role, so tests prank only to act as investors or outsiders.
abstract contract Fixture is Test {
    TestUSD internal usd;
    AssetToken internal token;
    Settlement internal settlement;
    PrimarySale internal sale;
    RoyaltySplitter internal splitter;
    HolderDistributor internal distributor;

    address internal treasury = address(0x7EA5);
    address internal issuer = address(0x1550E);
    address internal outsider = address(0xBAD);

    uint16 internal constant COMMISSION_BPS = 250;
    uint16 internal constant FEE_CAP_BPS = 100;
    uint16 internal constant ROYALTY_CAP_BPS = 1_000;
    uint64 internal constant YEAR = 365 days;

    function setUp() public virtual {
        vm.warp(1_800_000_000);
        usd = new TestUSD(address(this));
        token = new AssetToken(address(this), "https://tokenplatform.local/assets/{id}.json", ROYALTY_CAP_BPS);
        settlement = new Settlement(address(this), usd, token, treasury, FEE_CAP_BPS);
        token.setRegistry(settlement);
        sale = new PrimarySale(address(this), usd, token, settlement, treasury, COMMISSION_BPS);
        splitter = new RoyaltySplitter(address(this), usd);
        distributor = new HolderDistributor(address(this), usd);

        token.grantRole(token.ISSUER_ADMIN_ROLE(), address(this));
        token.grantRole(token.AGENT_ROLE(), address(this));
        token.grantRole(token.SETTLEMENT_ROLE(), address(settlement));
        settlement.grantRole(settlement.REGISTRAR_ROLE(), address(this));
        settlement.grantRole(settlement.AGENT_ROLE(), address(this));
        settlement.grantRole(settlement.SETTLER_ROLE(), address(this));
        settlement.grantRole(settlement.PAUSER_ROLE(), address(this));
        settlement.grantRole(settlement.FEE_MANAGER_ROLE(), address(this));
        sale.grantRole(sale.OPERATOR_ROLE(), address(this));
        sale.grantRole(sale.FEE_MANAGER_ROLE(), address(this));
        splitter.grantRole(splitter.OPERATOR_ROLE(), address(this));
        distributor.grantRole(distributor.OPERATOR_ROLE(), address(this));
        settlement.setExempt(address(sale), true);
        // Payouts: the holders' share of every stream is kept for the distributor, and neither
        // contract pays an address the registry (the settlement) says is frozen.
        splitter.setHolderDistributor(address(distributor));
        splitter.setRegistry(address(settlement));
        distributor.setRegistry(address(settlement));
    }

    function verify(address account) internal {
        address[] memory accounts = new address[](1);
        accounts[0] = account;
        verifyAll(accounts);
    }

    function verifyAll(address[] memory accounts) internal {
        uint16[] memory countries = new uint16[](accounts.length);
        uint64[] memory expiries = new uint64[](accounts.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            countries[i] = 250;
            expiries[i] = uint64(block.timestamp + YEAR);
        }
        settlement.registerInvestors(accounts, countries, expiries);
    }

    function terms(address holder, uint128 supply, uint128 maxHolding, uint64 lockupEnd, uint16 royaltyBps)
        internal
        view
        returns (IAssetToken.AssetTerms memory)
    {
        return IAssetToken.AssetTerms({
            issuer: issuer,
            holder: holder,
            supply: supply,
            maxHolding: maxHolding,
            lockupEnd: lockupEnd,
            royaltyReceiver: royaltyBps == 0 ? address(0) : address(splitter),
            royaltyBps: royaltyBps
        });
    }

    /// @dev An asset whose supply is held by `holder` (verified here), no lock-up.
    function assetHeldBy(address holder, uint128 supply, uint128 maxHolding, uint16 royaltyBps) internal returns (uint256 id) {
        verify(holder);
        return token.createAsset(terms(holder, supply, maxHolding, 0, royaltyBps));
    }

    /// @dev An asset in primary sale: supply in escrow, offering open for a year at `price`.
    function assetOnSale(uint128 supply, uint128 maxHolding, uint128 price, uint128 minPurchase) internal returns (uint256 id) {
        id = token.createAsset(terms(address(sale), supply, maxHolding, 0, 0));
        sale.openOffering(id, price, minPurchase, uint64(block.timestamp), uint64(block.timestamp + YEAR));
    }

    function fundedInvestor(uint256 seed, uint256 cash) internal returns (address investor) {
        investor = address(uint160(uint256(keccak256(abi.encode("investor", seed)))));
        verify(investor);
        if (cash != 0) {
            usd.mint(investor, cash);
            vm.startPrank(investor);
            usd.approve(address(settlement), cash);
            settlement.deposit(cash);
            vm.stopPrank();
        }
    }
}
