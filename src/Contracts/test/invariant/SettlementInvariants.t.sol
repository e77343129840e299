// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "../utils/Fixture.sol";
import {CheatCodes} from "../utils/Test.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {AssetToken} from "../../src/AssetToken.sol";
import {Settlement} from "../../src/Settlement.sol";
import {TradeMerkle} from "../../src/libraries/TradeMerkle.sol";

/// @dev Drives deposits, withdrawals, batches, plain transfers, freezes and KYC expiry at random.
/// Inherits only the cheatcodes, so its helpers are not fuzz targets.
contract SettlementHandler is CheatCodes {
    TestUSD internal usd;
    AssetToken internal token;
    Settlement internal settlement;
    address[] public actors;
    uint256[] public assets;
    address public outsider;
    uint256 public batchId;

    uint256 public ghostDeposited;
    uint256 public ghostWithdrawn;
    uint256 public ghostReleased;
    uint256 public ghostBatches;
    bool public ghostIneligibleGained;

    constructor(TestUSD usd_, AssetToken token_, Settlement settlement_, address[] memory actors_, uint256[] memory assets_, address outsider_) {
        usd = usd_;
        token = token_;
        settlement = settlement_;
        actors = actors_;
        assets = assets_;
        outsider = outsider_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Balances of everyone who may not gain fractions right now (unverified or frozen).
    function _ineligibleSnapshot() internal view returns (uint256[] memory snap) {
        snap = new uint256[]((actors.length + 1) * assets.length);
        for (uint256 a = 0; a < assets.length; ++a) {
            for (uint256 j = 0; j <= actors.length; ++j) {
                address who = j == actors.length ? outsider : actors[j];
                (bool verified, bool frozen,) = settlement.complianceOf(who);
                snap[a * (actors.length + 1) + j] = (!verified || frozen) ? token.balanceOf(who, assets[a]) : type(uint256).max;
            }
        }
    }

    function _checkNoIneligibleGain(uint256[] memory before) internal {
        for (uint256 a = 0; a < assets.length; ++a) {
            for (uint256 j = 0; j <= actors.length; ++j) {
                uint256 prior = before[a * (actors.length + 1) + j];
                if (prior == type(uint256).max) continue;
                address who = j == actors.length ? outsider : actors[j];
                if (token.balanceOf(who, assets[a]) > prior) ghostIneligibleGained = true;
            }
        }
    }

    function deposit(uint256 seed, uint256 amount) external {
        address who = _actor(seed);
        amount = 1 + amount % 1_000e6;
        usd.mint(who, amount);
        vm.startPrank(who);
        usd.approve(address(settlement), amount);
        try settlement.deposit(amount) {
            ghostDeposited += amount;
        } catch {}
        vm.stopPrank();
    }

    function withdraw(uint256 seed, uint256 amount) external {
        address who = _actor(seed);
        uint256 cash = settlement.cashOf(who);
        if (cash == 0) return;
        amount = 1 + amount % cash;
        vm.prank(who);
        try settlement.withdraw(who, amount) {
            ghostWithdrawn += amount;
        } catch {}
    }

    function settle(uint256 seed, uint8 count) external {
        uint256 n = 1 + count % 6;
        // One batch in five also lists the unverified outsider, which must make it revert.
        bool withOutsider = seed % 5 == 0;
        address[] memory accounts = new address[](actors.length + (withOutsider ? 1 : 0));
        for (uint256 j = 0; j < actors.length; ++j) accounts[j] = actors[j];
        if (withOutsider) accounts[actors.length] = outsider;
        uint256[] memory trades = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 asset = (r >> 16) % assets.length;
            // Sell from the largest holder most of the time, so batches usually settle.
            uint256 seller = r % 3 == 0 ? (r >> 8) % accounts.length : _largestHolder(assets[asset]);
            uint256 buyer = (seller + 1 + (r >> 96) % (accounts.length - 1)) % accounts.length;
            trades[i] = TradeMerkle.encode(buyer, seller, asset, 1 + (r >> 24) % 20, 1 + (r >> 40) % 50e6, (r >> 80) % 101);
        }
        uint256[] memory before = _ineligibleSnapshot();
        try settlement.settleBatch(++batchId, accounts, assets, trades) {
            ++ghostBatches;
            _checkNoIneligibleGain(before);
        } catch {}
    }

    function _largestHolder(uint256 id) internal view returns (uint256 best) {
        uint256 most;
        for (uint256 j = 0; j < actors.length; ++j) {
            uint256 balance = token.balanceOf(actors[j], id);
            if (balance > most) (most, best) = (balance, j);
        }
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 assetSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = toSeed % 7 == 0 ? outsider : _actor(toSeed);
        uint256 id = assets[assetSeed % assets.length];
        amount = amount % 50;
        uint256[] memory before = _ineligibleSnapshot();
        vm.prank(from);
        try token.safeTransferFrom(from, to, id, amount, "") {
            _checkNoIneligibleGain(before);
        } catch {}
    }

    function toggleFreeze(uint256 seed) external {
        address who = _actor(seed);
        (, bool frozen,) = settlement.complianceOf(who);
        settlement.setFrozen(who, !frozen);
    }

    function passTime(uint256 secondsAhead) external {
        vm.warp(block.timestamp + secondsAhead % 40 days);
    }

    function sweep(uint256 seed) external {
        settlement.sweepProceeds(_actor(seed), assets);
    }

    function releaseFees() external {
        try settlement.releaseFees() returns (uint256 amount) {
            ghostReleased += amount;
        } catch {}
    }

    function releaseRoyalties(uint256 assetSeed) external {
        uint256 id = assets[assetSeed % assets.length];
        try settlement.releaseRoyalties(id) returns (uint256 amount) {
            ghostReleased += amount;
        } catch {}
    }
}

contract SettlementInvariantTest is Fixture {
    SettlementHandler internal handler;
    address[] internal actors;
    uint256[] internal assetIds;
    address internal constant STRANGER = address(0x5757);

    function setUp() public override {
        super.setUp();
        for (uint256 i = 0; i < 5; ++i) actors.push(fundedInvestor(i, 10_000e6));
        // Short KYC for one actor, so expiry happens during the run.
        address[] memory one = new address[](1);
        one[0] = actors[4];
        uint16[] memory c = new uint16[](1);
        uint64[] memory e = new uint64[](1);
        e[0] = uint64(block.timestamp + 30 days);
        settlement.registerInvestors(one, c, e);
        assetIds.push(token.createAsset(terms(actors[0], 10_000, 0, 0, 700)));
        uint256 capped = token.createAsset(terms(address(sale), 5_000, 3_000, 0, 0));
        assetIds.push(capped);
        vm.startPrank(address(sale));
        token.safeTransferFrom(address(sale), actors[1], capped, 2_500, "");
        token.safeTransferFrom(address(sale), actors[2], capped, 2_500, "");
        vm.stopPrank();
        handler = new SettlementHandler(usd, token, settlement, actors, assetIds, STRANGER);
        usd.grantRole(usd.MINTER_ROLE(), address(handler));
        settlement.grantRole(settlement.SETTLER_ROLE(), address(handler));
        settlement.grantRole(settlement.AGENT_ROLE(), address(handler));
        ghostInitialCash = 5 * 10_000e6;
    }

    uint256 internal ghostInitialCash;

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_balancesSumToSupply() public view {
        for (uint256 a = 0; a < assetIds.length; ++a) {
            uint256 sum = token.balanceOf(STRANGER, assetIds[a]);
            for (uint256 j = 0; j < actors.length; ++j) sum += token.balanceOf(actors[j], assetIds[a]);
            assertEq(sum, token.totalSupply(assetIds[a]), "sum of balances == supply");
        }
    }

    function invariant_cashIsFullyBacked() public view {
        uint256 owed = settlement.cashOf(treasury) + settlement.cashOf(STRANGER) + settlement.feesAccrued();
        for (uint256 j = 0; j < actors.length; ++j) {
            owed += settlement.cashOf(actors[j]);
            for (uint256 a = 0; a < assetIds.length; ++a) owed += token.proceedsOf(actors[j], assetIds[a]);
        }
        for (uint256 a = 0; a < assetIds.length; ++a) owed += settlement.royaltiesAccrued(assetIds[a]);
        assertEq(usd.balanceOf(address(settlement)), owed, "stablecoin held == cash + proceeds + fees + royalties");
        assertEq(
            ghostInitialCash + handler.ghostDeposited(),
            usd.balanceOf(address(settlement)) + handler.ghostWithdrawn() + handler.ghostReleased(),
            "received == paid out + held"
        );
    }

    /// @dev Guards against a vacuous run: the handler must produce batches that settle.
    function test_handler_producesSettleableBatches() public {
        for (uint256 i = 1; i <= 20; ++i) handler.settle(i * 7919, uint8(i));
        assertGe(handler.ghostBatches(), 5, "settled batches");
    }

    function invariant_noUnverifiedOrFrozenAddressGainsFractions() public view {
        assertFalse(handler.ghostIneligibleGained(), "an unverified or frozen address gained fractions");
    }
}
