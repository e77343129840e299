// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Investor registry
/// @notice Operator-managed record of verified investors (KYC), frozen addresses and exempt
/// platform addresses (offering escrows, treasury). Every fraction transfer consults it.
interface IInvestorRegistry {
    /// @notice Compliance facts about one address.
    /// @param country ISO 3166-1 numeric country code (0 when unknown)
    /// @param kycExpiry unix time after which the verification lapses; 0 means never verified
    /// @param frozen an agent froze the address: it can neither send nor receive fractions
    /// @param exempt a platform-controlled address (escrow, treasury): counts as verified and is
    /// not bound by lock-up (as sender) or maximum holding (as receiver)
    struct Investor {
        uint16 country;
        uint64 kycExpiry;
        bool frozen;
        bool exempt;
    }

    event InvestorRegistered(address indexed account, uint16 country, uint64 kycExpiry);
    event InvestorRemoved(address indexed account);
    event AddressFrozen(address indexed account, bool frozen, address indexed agent);
    event ExemptionSet(address indexed account, bool exempt);

    error ArrayLengthMismatch(uint256 expected, uint256 actual);
    error ZeroAddress();
    error ExpiryInPast(address account, uint64 kycExpiry);

    /// @notice Registers (or renews) verified investors in one call. Registrar only.
    function registerInvestors(address[] calldata accounts, uint16[] calldata countries, uint64[] calldata kycExpiries) external;

    /// @notice Revokes the verification of investors (their balances stay, but they cannot trade). Registrar only.
    function removeInvestors(address[] calldata accounts) external;

    /// @notice Freezes or unfreezes an address. Agent only.
    function setFrozen(address account, bool frozen) external;

    /// @notice Marks a platform-controlled address as exempt. Admin only.
    function setExempt(address account, bool exempt) external;

    function investorOf(address account) external view returns (Investor memory);

    /// @notice True when the address is exempt, or registered with an unexpired verification.
    function isVerified(address account) external view returns (bool);

    /// @notice Everything a transfer check needs about `account`, in one call.
    function complianceOf(address account) external view returns (bool verified, bool frozen, bool exempt);
}
