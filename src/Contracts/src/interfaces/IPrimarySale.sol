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

    event OfferingOpened(uint256 indexed assetId, uint256 price, uint256 minPurchase, uint64 start, uint64 end);
    event Purchased(uint256 indexed assetId, address indexed buyer, uint256 quantity, uint256 cost, uint256 commission, uint16 commissionBps);
    event CommissionSet(uint16 commissionBps);
    event TreasurySet(address treasury);

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

    /// @notice Opens the offering of an asset whose supply this contract holds. Operator only.
    function openOffering(uint256 assetId, uint128 price, uint128 minPurchase, uint64 start, uint64 end) external;

    /// @notice Buys `quantity` fractions. The caller must have approved price x quantity of the stablecoin.
    /// @param maxCommissionBps the commission the buyer accepted in the quote; a higher current rate reverts
    function buy(uint256 assetId, uint256 quantity, uint16 maxCommissionBps) external returns (uint256 cost);

    /// @notice {buy} with an ERC-2612 permit for exactly the cost.
    function buyWithPermit(uint256 assetId, uint256 quantity, uint16 maxCommissionBps, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 cost);

    /// @notice Buys `quantity` fractions for `buyer`, paid from `buyer`'s stablecoin and delivered to
    /// `buyer`, charging exactly `commissionBps`: the rate the buyer accepted in the platform's quote,
    /// honoured even when the current rate has changed since (higher or lower). Operator only.
    /// @dev Trust model: for custodial accounts. Their investors hold no ETH, so the platform's operator
    /// sends every transaction and acts for its users: each custodial wallet grants this contract an
    /// unlimited ERC-2612 allowance once, after which the operator buys on the investor's behalf at
    /// the terms the investor accepted off-chain. This contract cannot tell custodial from self-custody
    /// accounts: the operator can spend any allowance granted to this contract, within the same
    /// offering and compliance checks as {buy}. Self-custody users call {buy} (approving exactly the
    /// cost) or {buyWithPermit}, which keeps the accepted-rate check on chain.
    /// @param commissionBps the commission rate applied; above the 50% cap reverts with {CommissionTooHigh}
    function buyFor(address buyer, uint256 assetId, uint256 quantity, uint16 commissionBps) external returns (uint256 cost);

    /// @notice The cost, commission and issuer proceeds of a purchase at the current rate.
    function quote(uint256 assetId, uint256 quantity) external view returns (uint256 cost, uint256 commission, uint256 toIssuer);

    function offeringOf(uint256 assetId) external view returns (Offering memory);

    function available(uint256 assetId) external view returns (uint256);
}
