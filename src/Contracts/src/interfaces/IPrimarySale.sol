// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Primary offering of asset fractions
/// @notice Holds each asset's unsold supply in escrow and sells it at the offering price in the
/// stablecoin: the commission goes to the treasury, the rest to the issuer, in the same transaction
/// that delivers the fractions.
interface IPrimarySale {
    struct Offering {
        uint128 price;
        uint128 minPurchase;
        uint64 start;
        uint64 end;
        bool exists;
    }

    /// @notice A purchase the buyer signed (EIP-712, domain "TokenPlatform PrimarySale" version "1",
    /// this chain and this contract) for the operator to execute with {buyFor}.
    /// @param buyer the account that signs, pays and receives the fractions
    /// @param commissionBps the commission rate the buyer accepted; exactly this rate is charged
    /// @param nonce any number the buyer has not used in an executed order (the platform uses its
    /// purchase id); each (buyer, nonce) executes at most once
    /// @param deadline the last timestamp at which the order can execute
    struct PurchaseOrder {
        address buyer;
        uint256 assetId;
        uint256 quantity;
        uint16 commissionBps;
        uint256 nonce;
        uint256 deadline;
    }

    event OfferingOpened(uint256 indexed assetId, uint256 price, uint256 minPurchase, uint64 start, uint64 end);
    event Purchased(uint256 indexed assetId, address indexed buyer, uint256 quantity, uint256 cost, uint256 commission, uint16 commissionBps);
    event CommissionSet(uint16 commissionBps);
    event TreasurySet(address treasury);
    /// @notice `buyer`'s signed order `nonce` was executed by {buyFor} (after its {Purchased} event).
    event OrderExecuted(address indexed buyer, uint256 nonce);

    error OfferingExists(uint256 assetId);
    error NoOffering(uint256 assetId);
    error OfferingNotOpen(uint256 assetId, uint64 start, uint64 end, uint256 time);
    error InvalidOffering(string reason);
    error BelowMinimumPurchase(uint256 assetId, uint256 quantity, uint256 minPurchase);
    error SoldOut(uint256 assetId, uint256 available, uint256 requested);
    error OverLimit(address buyer, uint256 resultingBalance, uint256 maxHolding);
    error NotVerified(address buyer);
    error BuyerFrozen(address buyer);
    error CommissionAboveAccepted(uint16 commissionBps, uint16 maxCommissionBps);
    error CommissionTooHigh(uint16 commissionBps);
    error OrderExpired(uint256 deadline);
    error OrderAlreadyUsed(address buyer, uint256 nonce);
    error InvalidOrderSignature(address buyer);

    /// @notice Opens the offering of an asset whose supply this contract holds. Operator only.
    function openOffering(uint256 assetId, uint128 price, uint128 minPurchase, uint64 start, uint64 end) external;

    /// @notice Buys `quantity` fractions. The caller must have approved price x quantity of the stablecoin.
    /// @param maxCommissionBps the commission the buyer accepted in the quote; a higher current rate reverts
    function buy(uint256 assetId, uint256 quantity, uint16 maxCommissionBps) external returns (uint256 cost);

    /// @notice {buy} with an ERC-2612 permit for exactly the cost.
    function buyWithPermit(uint256 assetId, uint256 quantity, uint16 maxCommissionBps, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 cost);

    /// @notice Executes a purchase `order.buyer` signed: `order.quantity` fractions of `order.assetId`,
    /// paid from the buyer's stablecoin allowance to this contract and delivered to the buyer, charging
    /// exactly `order.commissionBps`, the rate the buyer accepted in the platform's quote, honoured even
    /// when the current rate has changed since (higher or lower). Operator only.
    /// @dev Trust model: the operator only relays orders the buyer signed. Custodial investors hold
    /// no ETH, so the platform's operator sends every transaction: each custodial wallet grants this
    /// contract an allowance once, and the platform signs every order the investor accepted with the
    /// wallet's platform-held key. The signature binds the buyer, asset, quantity, rate, nonce and
    /// deadline, so the operator cannot change the terms, replay an order or spend the allowance of an
    /// account that did not sign: a self-custody user's allowance (granted for {buy}) cannot be
    /// spent without their signature. Signatures are checked with {SignatureChecker}: ECDSA for
    /// accounts without code, ERC-1271 for contract wallets.
    /// Checks, in order: `block.timestamp > order.deadline` reverts with {OrderExpired}; a used
    /// (buyer, nonce) with {OrderAlreadyUsed}; a signature not valid for `order.buyer` over
    /// {orderDigest} with {InvalidOrderSignature}; then the nonce is marked used and the purchase runs
    /// the checks of {buy}; a rate above the 50% cap reverts with {CommissionTooHigh}.
    /// @param signature the buyer's signature over {orderDigest}(order): 65-byte r || s || v for an
    /// account without code, whatever its {IERC1271-isValidSignature} accepts for a contract wallet
    function buyFor(PurchaseOrder calldata order, bytes calldata signature) external returns (uint256 cost);

    /// @notice The EIP-712 digest the buyer signs for `order`:
    /// keccak256(0x1901 || domainSeparator() || keccak256(abi.encode(PURCHASE_ORDER_TYPEHASH, buyer,
    /// assetId, quantity, commissionBps, nonce, deadline))), every field one 32-byte word.
    function orderDigest(PurchaseOrder calldata order) external view returns (bytes32);

    /// @notice Whether `buyer`'s order `nonce` has been executed.
    function isOrderUsed(address buyer, uint256 nonce) external view returns (bool);

    /// @notice The EIP-712 domain separator of this contract (name "TokenPlatform PrimarySale",
    /// version "1", the current chain id, this contract's address).
    function domainSeparator() external view returns (bytes32);

    /// @notice The cost, commission and issuer proceeds of a purchase at the current rate.
    function quote(uint256 assetId, uint256 quantity) external view returns (uint256 cost, uint256 commission, uint256 toIssuer);

    function offeringOf(uint256 assetId) external view returns (Offering memory);

    function available(uint256 assetId) external view returns (uint256);
}
