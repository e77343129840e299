// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {TradeMerkle} from "../src/libraries/TradeMerkle.sol";

contract SettlementFuzzTest is Fixture {
    uint256 internal constant ACCOUNTS = 6;
    address[] internal accounts;
    uint256[] internal ids;

    function setUp() public override {
        super.setUp();
        for (uint256 i = 0; i < ACCOUNTS; ++i) accounts.push(fundedInvestor(i, 1_000_000e6));
        ids.push(token.createAsset(terms(address(sale), 6_000_000, 0, 0, 750)));
        ids.push(token.createAsset(terms(address(sale), 6_000_000, 0, 0, 0)));
        vm.startPrank(address(sale));
        for (uint256 i = 0; i < ACCOUNTS; ++i) {
            token.safeTransferFrom(address(sale), accounts[i], ids[0], 1_000_000, "");
            token.safeTransferFrom(address(sale), accounts[i], ids[1], 1_000_000, "");
        }
        vm.stopPrank();
    }

    struct Expect {
        int256[] fractions;
        uint256[] paid;
        uint256[] proceeds;
        uint256 fees;
        uint256 royalties;
    }

    function _randomTrade(Expect memory e, uint256 r) internal pure returns (uint256) {
        uint256 buyer = r % ACCOUNTS;
        uint256 seller = (buyer + 1 + (r >> 8) % (ACCOUNTS - 1)) % ACCOUNTS;
        uint256 asset = (r >> 16) % 2;
        uint256 quantity = 1 + (r >> 24) % 500;
        uint256 price = 1 + (r >> 64) % 30e6;
        uint256 feeBps = (r >> 128) % (FEE_CAP_BPS + 1);
        uint256 notional = quantity * price;
        uint256 fee = notional * feeBps / 10_000;
        uint256 royalty = asset == 0 ? notional * 750 / 10_000 : 0;
        e.fractions[asset * ACCOUNTS + buyer] += int256(quantity);
        e.fractions[asset * ACCOUNTS + seller] -= int256(quantity);
        e.paid[buyer] += notional + fee;
        e.proceeds[asset * ACCOUNTS + seller] += notional - royalty;
        e.fees += fee;
        e.royalties += royalty;
        return TradeMerkle.encode(buyer, seller, asset, quantity, price, feeBps);
    }

    /// @dev Random trades: every account's fraction and cash change equals the sum over its trades
    /// (netting is exact), and value is conserved: what buyers pay = seller proceeds + fees + royalties.
    function testFuzz_settleBatch_netsExactlyAndConservesValue(uint256 seed, uint8 count) public {
        uint256 n = bound(count, 1, 40);
        uint256[] memory trades = new uint256[](n);
        Expect memory e = Expect(new int256[](2 * ACCOUNTS), new uint256[](ACCOUNTS), new uint256[](2 * ACCOUNTS), 0, 0);
        for (uint256 i = 0; i < n; ++i) trades[i] = _randomTrade(e, uint256(keccak256(abi.encode(seed, i))));
        uint256 heldBefore = usd.balanceOf(address(settlement));
        settlement.settleBatch(uint256(keccak256(abi.encode(seed))), accounts, ids, trades);

        uint256 paidTotal;
        uint256 proceedsTotal;
        for (uint256 j = 0; j < ACCOUNTS; ++j) {
            assertEq(settlement.cashOf(accounts[j]), 1_000_000e6 - e.paid[j], "cash paid");
            paidTotal += e.paid[j];
            for (uint256 a = 0; a < 2; ++a) {
                assertEq(token.balanceOf(accounts[j], ids[a]), uint256(1_000_000 + e.fractions[a * ACCOUNTS + j]), "fractions");
                assertEq(token.proceedsOf(accounts[j], ids[a]), e.proceeds[a * ACCOUNTS + j], "proceeds");
                proceedsTotal += e.proceeds[a * ACCOUNTS + j];
            }
        }
        assertEq(paidTotal, proceedsTotal + e.fees + e.royalties, "paid == proceeds + fees + royalties");
        assertEq(settlement.feesAccrued(), e.fees, "fees");
        assertEq(settlement.royaltiesAccrued(ids[0]), e.royalties, "royalties");
        assertEq(usd.balanceOf(address(settlement)), heldBefore, "no token moved in or out");
    }
}
