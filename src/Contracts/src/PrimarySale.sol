// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ERC1155Holder} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Holder.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IAssetToken} from "./interfaces/IAssetToken.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";
import {IPrimarySale} from "./interfaces/IPrimarySale.sol";

/// @title PrimarySale
/// @notice See {IPrimarySale}. This contract is the offering escrow: assets are created with their
/// supply minted here, and it must be marked exempt in the investor registry. Purchases the operator
/// executes for investors ({buyFor}) are EIP-712 orders the buyer signed (domain "TokenPlatform
/// PrimarySale", version "1", this chain, this contract).
contract PrimarySale is IPrimarySale, AccessControl, ERC1155Holder, ReentrancyGuardTransient, EIP712 {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");
    /// @notice The EIP-712 type hash of {IPrimarySale-PurchaseOrder}.
    bytes32 public constant PURCHASE_ORDER_TYPEHASH =
        keccak256("PurchaseOrder(address buyer,uint256 assetId,uint256 quantity,uint16 commissionBps,uint256 nonce,uint256 deadline)");

    uint16 private constant _BPS = 10_000;
    /// @dev A commission above 50% is never a legitimate primary fee.
    uint16 private constant _MAX_COMMISSION_BPS = 5_000;

    IERC20 private immutable _stablecoin;
    IAssetToken private immutable _assetToken;
    IInvestorRegistry private immutable _registry;
    address private _treasury;
    uint16 private _commissionBps;
    mapping(uint256 assetId => Offering) private _offerings;
    mapping(address buyer => mapping(uint256 nonce => bool)) private _usedOrders;

    constructor(address admin, IERC20 stablecoin_, IAssetToken assetToken_, IInvestorRegistry registry_, address treasury_, uint16 commissionBps_)
        EIP712("TokenPlatform PrimarySale", "1")
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _stablecoin = stablecoin_;
        _assetToken = assetToken_;
        _registry = registry_;
        _setTreasury(treasury_);
        _setCommission(commissionBps_);
    }

    /// @inheritdoc IPrimarySale
    function openOffering(uint256 assetId, uint128 price, uint128 minPurchase, uint64 start, uint64 end) external onlyRole(OPERATOR_ROLE) {
        if (_offerings[assetId].exists) revert OfferingExists(assetId);
        if (price == 0) revert InvalidOffering("zero price");
        if (minPurchase == 0) revert InvalidOffering("zero minimum purchase");
        if (end <= start || end <= block.timestamp) revert InvalidOffering("window ends before it starts or in the past");
        if (_assetToken.balanceOf(address(this), assetId) == 0) revert InvalidOffering("escrow holds no supply");
        _offerings[assetId] = Offering({price: price, minPurchase: minPurchase, start: start, end: end, exists: true});
        emit OfferingOpened(assetId, price, minPurchase, start, end);
    }

    /// @inheritdoc IPrimarySale
    function buy(uint256 assetId, uint256 quantity, uint16 maxCommissionBps) external nonReentrant returns (uint256 cost) {
        return _buy(_msgSender(), assetId, quantity, _commissionBps, maxCommissionBps);
    }

    /// @inheritdoc IPrimarySale
    function buyWithPermit(uint256 assetId, uint256 quantity, uint16 maxCommissionBps, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256 cost)
    {
        (cost,,) = quote(assetId, quantity);
        // A front-run permit (same signature used first by someone else) still leaves the allowance in place.
        try IERC20Permit(address(_stablecoin)).permit(_msgSender(), address(this), cost, deadline, v, r, s) {} catch {}
        return _buy(_msgSender(), assetId, quantity, _commissionBps, maxCommissionBps);
    }

    /// @inheritdoc IPrimarySale
    function buyFor(PurchaseOrder calldata order, bytes calldata signature)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
        returns (uint256 cost)
    {
        address buyer = order.buyer;
        // Timestamp comparison is intended: the deadline is a wall-clock expiry the buyer chose.
        if (block.timestamp > order.deadline) revert OrderExpired(order.deadline);
        if (_usedOrders[buyer][order.nonce]) revert OrderAlreadyUsed(buyer, order.nonce);
        if (!SignatureChecker.isValidSignatureNowCalldata(buyer, _hashOrder(order), signature)) revert InvalidOrderSignature(buyer);
        _usedOrders[buyer][order.nonce] = true;

        uint16 rate = order.commissionBps;
        if (rate > _MAX_COMMISSION_BPS) revert CommissionTooHigh(rate);
        // The accepted rate is the rate applied, so the accepted-rate check of the shared path always holds.
        cost = _buy(buyer, order.assetId, order.quantity, rate, rate);
        emit OrderExecuted(buyer, order.nonce);
    }

    function setCommission(uint16 commissionBps) external onlyRole(FEE_MANAGER_ROLE) {
        _setCommission(commissionBps);
    }

    function setTreasury(address treasury_) external onlyRole(FEE_MANAGER_ROLE) {
        _setTreasury(treasury_);
    }

    /// @inheritdoc IPrimarySale
    function quote(uint256 assetId, uint256 quantity) public view returns (uint256 cost, uint256 commission, uint256 toIssuer) {
        (cost, commission) = _price(assetId, quantity, _commissionBps);
        toIssuer = cost - commission;
    }

    function offeringOf(uint256 assetId) external view returns (Offering memory) {
        return _offerings[assetId];
    }

    /// @inheritdoc IPrimarySale
    function available(uint256 assetId) public view returns (uint256) {
        return _assetToken.balanceOf(address(this), assetId);
    }

    function commissionBps() external view returns (uint16) {
        return _commissionBps;
    }

    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IPrimarySale
    function orderDigest(PurchaseOrder calldata order) external view returns (bytes32) {
        return _hashOrder(order);
    }

    /// @inheritdoc IPrimarySale
    function isOrderUsed(address buyer, uint256 nonce) external view returns (bool) {
        return _usedOrders[buyer][nonce];
    }

    /// @inheritdoc IPrimarySale
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev The EIP-712 digest of `order`: every field is one 32-byte word (the uint16 rate left-padded).
    function _hashOrder(PurchaseOrder calldata order) private view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    PURCHASE_ORDER_TYPEHASH, order.buyer, order.assetId, order.quantity, order.commissionBps, order.nonce, order.deadline
                )
            )
        );
    }

    /// @dev The one purchase path of {buy}, {buyWithPermit} and {buyFor}: `buyer` pays `rate` and
    /// must have accepted at least that rate (`acceptedBps`); the checks run before the rate check.
    function _buy(address buyer, uint256 assetId, uint256 quantity, uint16 rate, uint16 acceptedBps) private returns (uint256 cost) {
        _checkOffering(assetId, quantity);
        _checkBuyer(assetId, buyer, quantity);
        if (rate > acceptedBps) revert CommissionAboveAccepted(rate, acceptedBps);

        uint256 commission;
        (cost, commission) = _price(assetId, quantity, rate);
        if (commission != 0) _stablecoin.safeTransferFrom(buyer, _treasury, commission);
        _stablecoin.safeTransferFrom(buyer, _assetToken.assetInfo(assetId).issuer, cost - commission);
        _assetToken.safeTransferFrom(address(this), buyer, assetId, quantity, "");
        emit Purchased(assetId, buyer, quantity, cost, commission, rate);
    }

    /// @dev The cost of `quantity` fractions at the offering price and its commission at `rate`.
    function _price(uint256 assetId, uint256 quantity, uint16 rate) private view returns (uint256 cost, uint256 commission) {
        cost = quantity * _requireOffering(assetId).price;
        commission = cost * rate / _BPS;
    }

    function _checkOffering(uint256 assetId, uint256 quantity) private view {
        Offering storage offering = _requireOffering(assetId);
        if (block.timestamp < offering.start || block.timestamp >= offering.end) {
            revert OfferingNotOpen(assetId, offering.start, offering.end, block.timestamp);
        }
        if (quantity < offering.minPurchase) revert BelowMinimumPurchase(assetId, quantity, offering.minPurchase);
        uint256 remaining = available(assetId);
        if (quantity > remaining) revert SoldOut(assetId, remaining, quantity);
    }

    function _checkBuyer(uint256 assetId, address buyer, uint256 quantity) private view {
        (bool verified, bool frozen, bool exempt) = _registry.complianceOf(buyer);
        if (frozen) revert BuyerFrozen(buyer);
        if (!verified) revert NotVerified(buyer);
        uint256 maxHolding = _assetToken.assetInfo(assetId).maxHolding;
        uint256 resulting = _assetToken.balanceOf(buyer, assetId) + quantity;
        if (!exempt && maxHolding != 0 && resulting > maxHolding) revert OverLimit(buyer, resulting, maxHolding);
    }

    function _requireOffering(uint256 assetId) private view returns (Offering storage offering) {
        offering = _offerings[assetId];
        if (!offering.exists) revert NoOffering(assetId);
    }

    function _setCommission(uint16 commissionBps_) private {
        if (commissionBps_ > _MAX_COMMISSION_BPS) revert CommissionTooHigh(commissionBps_);
        _commissionBps = commissionBps_;
        emit CommissionSet(commissionBps_);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert InvalidOffering("zero treasury");
        _treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function supportsInterface(bytes4 interfaceId) public view override(AccessControl, ERC1155Holder) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
