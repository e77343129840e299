// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155MetadataURI} from "@openzeppelin/contracts/token/ERC1155/extensions/IERC1155MetadataURI.sol";
import {ERC1155Utils} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Utils.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IAssetToken} from "./interfaces/IAssetToken.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";

/// @title AssetToken
/// @notice See {IAssetToken}. A purpose-built ERC-1155 (not OpenZeppelin's) so that settlement can
/// apply netted balance changes directly and every path runs the same compliance rules.
contract AssetToken is IAssetToken, AccessControl {
    bytes32 public constant ISSUER_ADMIN_ROLE = keccak256("ISSUER_ADMIN_ROLE");
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");
    bytes32 public constant SETTLEMENT_ROLE = keccak256("SETTLEMENT_ROLE");

    uint16 private constant _BPS = 10_000;
    uint256 private constant _LOW128 = type(uint128).max;

    /// @dev Three slots: (maxHolding, lockupEnd, paused, exists) - everything a transfer or a
    /// settlement checks, in one read - then (issuer, royaltyBps) and (royaltyReceiver, supply).
    struct AssetRecord {
        uint128 maxHolding;
        uint64 lockupEnd;
        bool paused;
        bool exists;
        address issuer;
        uint16 royaltyBps;
        address royaltyReceiver;
        uint96 supply;
    }

    mapping(uint256 id => AssetRecord) private _assets;
    /// @dev One word per (asset, account): fractions in the low 128 bits, settlement proceeds not
    /// yet swept into the account's cash in the high 128 bits (see {applySettlement}). Keeping both
    /// in one slot lets a batch credit a seller with one storage write.
    mapping(uint256 id => mapping(address account => uint256)) private _positions;
    mapping(address account => mapping(address operator => bool)) private _operatorApprovals;
    mapping(uint256 id => Document[]) private _documents;
    IInvestorRegistry private _registry;
    uint256 private _assetCount;
    uint16 private _royaltyCapBps;
    string private _uri;

    constructor(address admin, string memory uri_, uint16 royaltyCapBps_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _uri = uri_;
        _setRoyaltyCap(royaltyCapBps_);
    }

    // ---------------------------------------------------------------- admin

    /// @notice Points the token at the investor registry. Admin only.
    function setRegistry(IInvestorRegistry registry) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(registry) == address(0)) revert InvalidReceiver(address(0));
        _registry = registry;
        emit RegistrySet(address(registry));
    }

    /// @notice Highest resale royalty a new asset may carry. Admin only; existing assets keep theirs.
    function setRoyaltyCap(uint16 capBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setRoyaltyCap(capBps);
    }

    function registry() external view returns (IInvestorRegistry) {
        return _registry;
    }

    function royaltyCapBps() external view returns (uint16) {
        return _royaltyCapBps;
    }

    // ---------------------------------------------------------------- assets

    /// @inheritdoc IAssetToken
    function createAsset(AssetTerms calldata terms) external onlyRole(ISSUER_ADMIN_ROLE) returns (uint256 id) {
        if (terms.issuer == address(0) || terms.holder == address(0)) revert InvalidReceiver(address(0));
        if (terms.supply == 0) revert InvalidTerms("zero supply");
        if (terms.supply > type(uint96).max) revert InvalidTerms("supply above 2^96");
        if (terms.maxHolding > terms.supply) revert InvalidTerms("max holding above supply");
        if (terms.royaltyBps > _royaltyCapBps) revert RoyaltyAboveCap(terms.royaltyBps, _royaltyCapBps);
        if (terms.royaltyBps != 0 && terms.royaltyReceiver == address(0)) revert InvalidTerms("royalty without receiver");
        (bool verified, bool frozen, bool exempt) = _registry.complianceOf(terms.holder);
        if (!verified || frozen) revert InvalidReceiver(terms.holder);
        if (!exempt && terms.maxHolding != 0 && terms.supply > terms.maxHolding) {
            revert InvalidTerms("holder would exceed max holding");
        }

        id = ++_assetCount;
        _assets[id] = AssetRecord({
            maxHolding: terms.maxHolding,
            lockupEnd: terms.lockupEnd,
            paused: false,
            exists: true,
            issuer: terms.issuer,
            royaltyBps: terms.royaltyBps,
            royaltyReceiver: terms.royaltyReceiver,
            supply: uint96(terms.supply)
        });
        _positions[id][terms.holder] = terms.supply;
        emit AssetCreated(id, terms.issuer, terms.holder, terms.supply, terms.maxHolding, terms.lockupEnd, terms.royaltyBps);
        emit TransferSingle(_msgSender(), address(0), terms.holder, id, terms.supply);
        ERC1155Utils.checkOnERC1155Received(_msgSender(), address(0), terms.holder, id, terms.supply, "");
    }

    /// @inheritdoc IAssetToken
    function anchorDocument(uint256 id, string calldata name, string calldata uri_, bytes32 sha256Hash)
        external
        onlyRole(ISSUER_ADMIN_ROLE)
        returns (uint256 index)
    {
        _requireAsset(id);
        if (sha256Hash == bytes32(0)) revert InvalidTerms("empty document hash");
        if (bytes(name).length == 0) revert InvalidTerms("empty document name");
        index = _documents[id].length;
        _documents[id].push(Document({name: name, uri: uri_, sha256Hash: sha256Hash}));
        emit DocumentAnchored(id, index, name, uri_, sha256Hash);
    }

    /// @inheritdoc IAssetToken
    function setAssetPaused(uint256 id, bool paused) external onlyRole(AGENT_ROLE) {
        _requireAsset(id).paused = paused;
        emit AssetPaused(id, paused, _msgSender());
    }

    /// @inheritdoc IAssetToken
    function forcedTransfer(address from, address to, uint256 id, uint256 amount, string calldata reason) external onlyRole(AGENT_ROLE) {
        if (bytes(reason).length == 0) revert EmptyReason();
        uint256 maxHolding = _requireAsset(id).maxHolding;
        (bool verified, bool frozen, bool exempt) = _registry.complianceOf(to);
        if (!verified) revert TransferNotAllowed(from, to, id, amount, TransferStatus.ReceiverNotVerified);
        if (frozen) revert TransferNotAllowed(from, to, id, amount, TransferStatus.ReceiverFrozen);
        if (from != to && !exempt && maxHolding != 0 && balanceOf(to, id) + amount > maxHolding) {
            revert TransferNotAllowed(from, to, id, amount, TransferStatus.MaxHoldingExceeded);
        }
        _move(from, to, id, amount);
        emit ForcedTransfer(id, from, to, amount, reason, _msgSender());
        emit TransferSingle(_msgSender(), from, to, id, amount);
        ERC1155Utils.checkOnERC1155Received(_msgSender(), from, to, id, amount, "");
    }

    /// @inheritdoc IAssetToken
    function applySettlement(uint256 batchId, uint256[] calldata ids, address[] calldata accounts, int256[] calldata deltas)
        external
        onlyRole(SETTLEMENT_ROLE)
    {
        uint256 n = accounts.length;
        if (deltas.length != ids.length * n) revert ArrayLengthMismatch(ids.length * n, deltas.length);
        for (uint256 a = 0; a < ids.length; ++a) {
            uint256 id = ids[a];
            AssetRecord storage asset = _requireAsset(id);
            if (asset.paused) revert TransferNotAllowed(address(0), address(0), id, 0, TransferStatus.AssetPaused);
            if (block.timestamp < asset.lockupEnd) revert TransferNotAllowed(address(0), address(0), id, 0, TransferStatus.LockedUp);
            _applyRow(id, asset.maxHolding, accounts, deltas[a * n:(a + 1) * n]);
        }
    }

    /// @dev One asset's row of packed deltas: (fraction delta << 128) + proceeds credit, where the
    /// fraction delta is signed and the proceeds credit is in [0, 2^128). This is the hottest loop of
    /// settlement, so it is written in Yul; a failure is recorded and reverted with a typed error
    /// after the loop. The caller checked row.length == accounts.length.
    /// Overflow: |delta| < 2^80 (2^16 trades of < 2^48 fractions), so `net` cannot overflow; a
    /// debit is checked against the balance, a credit cannot pass the supply (< 2^128) because the
    /// row sums to zero, and proceeds are checked against 2^128 explicitly.
    function _applyRow(uint256 id, uint256 maxHolding, address[] calldata accounts, int256[] calldata row) private {
        // failure: 0 = none, else code | (index << 8).
        uint256 failure;
        int256 net;
        assembly ("memory-safe") {
            mstore(0x00, id)
            mstore(0x20, _positions.slot)
            // The inner mapping's base slot stays at 0x20 for the whole loop.
            mstore(0x20, keccak256(0x00, 0x40))
            for { let j := 0 } lt(j, row.length) { j := add(j, 1) } {
                let packed := calldataload(add(row.offset, shl(5, j)))
                if packed {
                    mstore(0x00, and(calldataload(add(accounts.offset, shl(5, j))), 0xffffffffffffffffffffffffffffffffffffffff))
                    let slot := keccak256(0x00, 0x40)
                    let word := sload(slot)
                    let fractions := and(word, 0xffffffffffffffffffffffffffffffff)
                    let delta := sar(128, packed)
                    net := add(net, delta)
                    switch slt(delta, 0)
                    case 1 {
                        if lt(fractions, sub(0, delta)) {
                            failure := or(1, shl(8, j))
                            break
                        }
                        fractions := add(fractions, delta)
                    }
                    default {
                        fractions := add(fractions, delta)
                        if and(sgt(delta, 0), and(gt(maxHolding, 0), gt(fractions, maxHolding))) {
                            failure := or(2, shl(8, j))
                            break
                        }
                    }
                    let proceeds := add(shr(128, word), and(packed, 0xffffffffffffffffffffffffffffffff))
                    if gt(proceeds, 0xffffffffffffffffffffffffffffffff) {
                        failure := or(3, shl(8, j))
                        break
                    }
                    sstore(slot, or(fractions, shl(128, proceeds)))
                }
            }
        }
        if (failure != 0) _revertRow(id, failure & 0xff, accounts[failure >> 8], row[failure >> 8]);
        if (net != 0) revert UnbalancedSettlement(id, net);
    }

    function _revertRow(uint256 id, uint256 failure, address account, int256 packed) private view {
        int256 delta = packed >> 128;
        if (failure == 1) revert InsufficientBalance(account, id, balanceOf(account, id), uint256(-delta));
        if (failure == 2) revert TransferNotAllowed(address(0), account, id, uint256(delta), TransferStatus.MaxHoldingExceeded);
        revert ProceedsOverflow(account, id);
    }

    /// @inheritdoc IAssetToken
    function takeProceeds(address account, uint256[] calldata ids) external onlyRole(SETTLEMENT_ROLE) returns (uint256 total) {
        for (uint256 i = 0; i < ids.length; ++i) {
            mapping(address => uint256) storage positions = _positions[ids[i]];
            uint256 word = positions[account];
            uint256 proceeds = word >> 128;
            if (proceeds == 0) continue;
            positions[account] = word & _LOW128;
            // Each proceeds value is < 2^128 and there are at most ids.length of them.
            unchecked {
                total += proceeds;
            }
        }
    }

    /// @inheritdoc IAssetToken
    function proceedsOf(address account, uint256 id) external view returns (uint256) {
        return _positions[id][account] >> 128;
    }

    // ---------------------------------------------------------------- ERC-1155

    function balanceOf(address account, uint256 id) public view returns (uint256) {
        return _positions[id][account] & _LOW128;
    }

    function balanceOfBatch(address[] calldata accounts, uint256[] calldata ids) external view returns (uint256[] memory balances) {
        if (accounts.length != ids.length) revert ArrayLengthMismatch(accounts.length, ids.length);
        balances = new uint256[](accounts.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            balances[i] = _positions[ids[i]][accounts[i]] & _LOW128;
        }
    }

    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert InvalidReceiver(address(0));
        _operatorApprovals[_msgSender()][operator] = approved;
        emit ApprovalForAll(_msgSender(), operator, approved);
    }

    function isApprovedForAll(address account, address operator) public view returns (bool) {
        return _operatorApprovals[account][operator];
    }

    function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes calldata data) external {
        address operator = _msgSender();
        if (from != operator && !isApprovedForAll(from, operator)) revert NotOwnerNorApproved(operator, from);
        _checkedMove(from, to, id, value);
        emit TransferSingle(operator, from, to, id, value);
        ERC1155Utils.checkOnERC1155Received(operator, from, to, id, value, data);
    }

    function safeBatchTransferFrom(address from, address to, uint256[] calldata ids, uint256[] calldata values, bytes calldata data)
        external
    {
        address operator = _msgSender();
        if (from != operator && !isApprovedForAll(from, operator)) revert NotOwnerNorApproved(operator, from);
        if (ids.length != values.length) revert ArrayLengthMismatch(ids.length, values.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            _checkedMove(from, to, ids[i], values[i]);
        }
        emit TransferBatch(operator, from, to, ids, values);
        ERC1155Utils.checkOnERC1155BatchReceived(operator, from, to, ids, values, data);
    }

    /// @notice Metadata URI with the ERC-1155 `{id}` placeholder.
    function uri(uint256) external view returns (string memory) {
        return _uri;
    }

    /// @notice ERC-2981: the resale royalty for a sale of `salePrice`, rounded down.
    function royaltyInfo(uint256 id, uint256 salePrice) external view returns (address receiver, uint256 royaltyAmount) {
        AssetRecord storage asset = _assets[id];
        return (asset.royaltyReceiver, salePrice * asset.royaltyBps / _BPS);
    }

    function supportsInterface(bytes4 interfaceId) public view override(AccessControl, IERC165) returns (bool) {
        return interfaceId == type(IERC1155).interfaceId || interfaceId == type(IERC1155MetadataURI).interfaceId
            || interfaceId == type(IERC2981).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IAssetToken
    function canTransfer(address from, address to, uint256 id, uint256 amount) public view returns (TransferStatus) {
        AssetRecord storage asset = _assets[id];
        if (!asset.exists) return TransferStatus.UnknownAsset;
        if (asset.paused) return TransferStatus.AssetPaused;
        (bool fromVerified, bool fromFrozen, bool fromExempt) = _registry.complianceOf(from);
        (bool toVerified, bool toFrozen, bool toExempt) = _registry.complianceOf(to);
        if (fromFrozen) return TransferStatus.SenderFrozen;
        if (toFrozen) return TransferStatus.ReceiverFrozen;
        if (!fromVerified) return TransferStatus.SenderNotVerified;
        if (!toVerified) return TransferStatus.ReceiverNotVerified;
        if (!fromExempt && block.timestamp < asset.lockupEnd) return TransferStatus.LockedUp;
        if (balanceOf(from, id) < amount) return TransferStatus.InsufficientBalance;
        if (from != to && !toExempt && asset.maxHolding != 0 && balanceOf(to, id) + amount > asset.maxHolding) {
            return TransferStatus.MaxHoldingExceeded;
        }
        return TransferStatus.Ok;
    }

    /// @inheritdoc IAssetToken
    function assetInfo(uint256 id) external view returns (AssetInfo memory) {
        AssetRecord storage asset = _requireAsset(id);
        return AssetInfo({
            issuer: asset.issuer,
            supply: asset.supply,
            maxHolding: asset.maxHolding,
            lockupEnd: asset.lockupEnd,
            paused: asset.paused,
            royaltyReceiver: asset.royaltyReceiver,
            royaltyBps: asset.royaltyBps
        });
    }

    function totalSupply(uint256 id) external view returns (uint256) {
        return _assets[id].supply;
    }

    function documentCount(uint256 id) external view returns (uint256) {
        return _documents[id].length;
    }

    function documentAt(uint256 id, uint256 index) external view returns (Document memory) {
        return _documents[id][index];
    }

    /// @inheritdoc IAssetToken
    function royaltyTermsOf(uint256[] calldata ids) external view returns (address[] memory receivers, uint16[] memory bps) {
        receivers = new address[](ids.length);
        bps = new uint16[](ids.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            AssetRecord storage asset = _requireAsset(ids[i]);
            receivers[i] = asset.royaltyReceiver;
            bps[i] = asset.royaltyBps;
        }
    }

    function assetCount() external view returns (uint256) {
        return _assetCount;
    }

    // ---------------------------------------------------------------- internals

    function _checkedMove(address from, address to, uint256 id, uint256 amount) private {
        if (to == address(0)) revert InvalidReceiver(address(0));
        TransferStatus status = canTransfer(from, to, id, amount);
        if (status != TransferStatus.Ok) revert TransferNotAllowed(from, to, id, amount, status);
        _move(from, to, id, amount);
    }

    /// @dev Moves fractions (low 128 bits) and leaves both positions' unswept proceeds untouched.
    function _move(address from, address to, uint256 id, uint256 amount) private {
        if (to == address(0)) revert InvalidReceiver(address(0));
        mapping(address => uint256) storage positions = _positions[id];
        uint256 fromWord = positions[from];
        uint256 fromBalance = fromWord & _LOW128;
        if (fromBalance < amount) revert InsufficientBalance(from, id, fromBalance, amount);
        // Cannot underflow (checked above) nor carry into the proceeds bits: a balance never
        // exceeds the supply, which is below 2^128.
        unchecked {
            positions[from] = fromWord - amount;
            positions[to] += amount;
        }
    }

    function _requireAsset(uint256 id) private view returns (AssetRecord storage asset) {
        asset = _assets[id];
        if (!asset.exists) revert UnknownAsset(id);
    }

    function _setRoyaltyCap(uint16 capBps) private {
        if (capBps > _BPS) revert RoyaltyAboveCap(capBps, _BPS);
        _royaltyCapBps = capBps;
        emit RoyaltyCapSet(capBps);
    }
}
