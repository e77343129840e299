// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReceiversBase} from "./ReceiversBase.sol";
import {PayoutRouter} from "../../src/PayoutRouter.sol";
import {IPayoutRouter} from "../../src/interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../../src/interfaces/IHolderDistributor.sol";

/// @dev ReceiversBase plus the payout router wired as the deployer wires it (the router is an
/// operator of the receivers and of the distributor; the test contract is the router's operator),
/// three assets with a receiver each, and a funder (an EOA with a known key) holding stablecoin
/// and an unlimited allowance to the router.
abstract contract RouterBase is ReceiversBase {
    uint256 internal constant ASSET_C = 13;
    uint256 internal constant FUNDER_KEY = 0xF00D;

    PayoutRouter internal router;
    address internal funder;
    /// @dev Streams of A, B and C: 60%, 50% and 40% to the holders, the rest 3:1 artist and label.
    IRoyaltySplitter.Distribution internal splitA;
    IRoyaltySplitter.Distribution internal splitB;
    IRoyaltySplitter.Distribution internal splitC;

    function setUp() public virtual override {
        super.setUp();
        router = new PayoutRouter(address(this), usd, splitter, distributor, receivers);
        receivers.grantRole(receivers.OPERATOR_ROLE(), address(router));
        distributor.grantRole(distributor.OPERATOR_ROLE(), address(router));
        router.grantRole(router.OPERATOR_ROLE(), address(this));
        splitA = _stream(6_000);
        splitB = _stream(5_000);
        splitC = _stream(4_000);
        receivers.createReceiver(ASSET_A, splitA.streamId);
        receivers.createReceiver(ASSET_B, splitB.streamId);
        receivers.createReceiver(ASSET_C, splitC.streamId);
        funder = vm.addr(FUNDER_KEY);
        usd.mint(funder, 1_000_000e6);
        vm.prank(funder);
        usd.approve(address(router), type(uint256).max);
    }

    function _signAuthorization(uint256 key, address who, uint256 cap, uint256 expiry, uint256 nonce) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, router.authorizationDigest(who, cap, expiry, nonce));
        return abi.encodePacked(r, s, v);
    }

    /// @dev The funder signs `cap` until `expiry` with its current nonce, and anyone submits it.
    function _authorize(uint256 cap, uint256 expiry) internal {
        router.setAuthorization(funder, cap, expiry, _signAuthorization(FUNDER_KEY, funder, cap, expiry, router.nonces(funder)));
    }

    /// @dev A payout of `split`'s asset that moves nothing and only distributes; tests fill in the rest.
    function _payout(uint256 assetId, IRoyaltySplitter.Distribution memory split) internal pure returns (IPayoutRouter.Payout memory p) {
        p.assetId = assetId;
        p.split = split;
    }

    function _only(IPayoutRouter.Payout memory p) internal pure returns (IPayoutRouter.Payout[] memory payouts) {
        payouts = new IPayoutRouter.Payout[](1);
        payouts[0] = p;
    }

    function _artistAndLabel() internal view returns (address[] memory payees) {
        payees = new address[](2);
        payees[0] = artist;
        payees[1] = label;
    }

    /// @dev Funds `assetId`'s holders from the stream under `_tree(assetId, base)` and pushes to every holder.
    function _withHoldersPaid(IPayoutRouter.Payout memory p, uint256 base) internal view {
        (bytes32[] memory tree, uint256 total) = _tree(p.assetId, base);
        p.fundHolders = true;
        p.root = tree[0];
        p.totalEntitled = total;
        uint256[] memory picked = new uint256[](holders.length);
        for (uint256 i = 0; i < picked.length; ++i) picked[i] = i;
        (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags) = _pushOf(tree, picked, base);
        p.pushes = entries;
        p.proof = proof;
        p.proofFlags = flags;
    }

    function _spent() internal view returns (uint256 spent) {
        (, spent,,) = router.authorizationOf(funder);
    }

    function _assertRouterEmpty() internal view {
        assertEq(usd.balanceOf(address(router)), 0, "the router holds no tokens");
        assertEq(usd.allowance(address(router), address(splitter)), 0, "no allowance left to the splitter");
    }
}
