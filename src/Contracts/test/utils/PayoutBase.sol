// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Fixture} from "./Fixture.sol";
import {Merkle} from "./Merkle.sol";
import {IRoyaltySplitter} from "../../src/interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "../../src/interfaces/IHolderDistributor.sol";

/// @dev Shared setup of the splitter -> distributor tests: five holders, an artist and a label as
/// the other payees, and the test contract (operator) holding plenty of stablecoin, approved to both.
abstract contract PayoutBase is Fixture {
    uint256 internal constant ASSET_A = 11;
    uint256 internal constant ASSET_B = 12;
    address internal artist = address(0xA771);
    address internal label = address(0xA772);
    address internal stranger = address(0x5757);
    address[] internal holders;

    function setUp() public virtual override {
        super.setUp();
        for (uint256 i = 0; i < 5; ++i) holders.push(address(uint160(0xD000 + i)));
        usd.mint(address(this), 10_000_000e6);
        usd.approve(address(splitter), type(uint256).max);
        usd.approve(address(distributor), type(uint256).max);
    }

    /// @dev A new stream paying the holders (through the distributor, second payee) `holdersBps`,
    /// the artist and the label the rest, 3:1.
    function _stream(uint16 holdersBps) internal returns (IRoyaltySplitter.Distribution memory split) {
        address[] memory payees = new address[](3);
        payees[0] = artist;
        payees[1] = address(distributor);
        payees[2] = label;
        uint16[] memory bps = new uint16[](3);
        bps[1] = holdersBps;
        bps[0] = (10_000 - holdersBps) * 3 / 4;
        bps[2] = 10_000 - holdersBps - bps[0];
        split = IRoyaltySplitter.Distribution({streamId: splitter.createStream(payees, bps), payees: payees, bps: bps});
    }

    function _one(IRoyaltySplitter.Distribution memory split) internal pure returns (IRoyaltySplitter.Distribution[] memory d) {
        d = new IRoyaltySplitter.Distribution[](1);
        d[0] = split;
    }

    /// @dev Holder i's cumulative entitlement is `base * (i + 1)`; the total is `base * 15`.
    function _tree(uint256 assetId, uint256 base) internal view returns (bytes32[] memory tree, uint256 total) {
        bytes32[] memory leaves = new bytes32[](holders.length);
        for (uint256 i = 0; i < holders.length; ++i) {
            leaves[i] = distributor.leaf(assetId, i, holders[i], base * (i + 1));
            total += base * (i + 1);
        }
        tree = Merkle.heapTree(leaves);
    }

    function _claimOf(uint256 assetId, bytes32[] memory tree, uint256 i, uint256 base) internal view returns (IHolderDistributor.Claim memory) {
        return IHolderDistributor.Claim({
            assetId: assetId,
            index: i,
            account: holders[i],
            cumulative: base * (i + 1),
            proof: Merkle.heapProof(tree, i)
        });
    }

    /// @dev Entries and multiproof for a push to `picked` holders of a `_tree(assetId, base)`.
    function _pushOf(bytes32[] memory tree, uint256[] memory picked, uint256 base)
        internal
        view
        returns (IHolderDistributor.PushEntry[] memory entries, bytes32[] memory proof, bool[] memory flags)
    {
        uint256[] memory ordered;
        (ordered, proof, flags) = Merkle.heapMultiProof(tree, picked);
        entries = new IHolderDistributor.PushEntry[](ordered.length);
        for (uint256 i = 0; i < ordered.length; ++i) {
            uint256 h = ordered[i];
            entries[i] = IHolderDistributor.PushEntry({index: h, account: holders[h], cumulative: base * (h + 1)});
        }
    }

    function _pool(uint256 assetId) internal view returns (uint256 funded, uint256 paid, uint256 entitled) {
        (, funded, paid, entitled) = distributor.poolOf(assetId);
    }
}
