// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";

/// @title InvestorAccounts
/// @notice The investor registry half of {Settlement}: KYC expiry, country, frozen and exempt
/// flags, kept in the same storage word as the account's cash so a settlement batch reads one
/// slot per account for both its compliance check and its balance.
abstract contract InvestorAccounts is IInvestorRegistry, AccessControl {
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");

    /// @dev One word per address: cash (bits 0-127), KYC expiry (128-191), country (192-207),
    /// frozen (bit 208), exempt (bit 209). A batch reads it once per account and writes it once
    /// per buyer; bit arithmetic keeps that to one SLOAD and one SSTORE.
    uint256 internal constant _CASH_MASK = type(uint128).max;
    uint256 internal constant _EXPIRY_SHIFT = 128;
    uint256 internal constant _COUNTRY_SHIFT = 192;
    uint256 internal constant _FROZEN_BIT = 1 << 208;
    uint256 internal constant _EXEMPT_BIT = 1 << 209;

    mapping(address account => uint256) internal _accounts;

    /// @inheritdoc IInvestorRegistry
    function registerInvestors(address[] calldata accounts, uint16[] calldata countries, uint64[] calldata kycExpiries)
        external
        onlyRole(REGISTRAR_ROLE)
    {
        if (countries.length != accounts.length) revert ArrayLengthMismatch(accounts.length, countries.length);
        if (kycExpiries.length != accounts.length) revert ArrayLengthMismatch(accounts.length, kycExpiries.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            address account = accounts[i];
            if (account == address(0)) revert ZeroAddress();
            if (kycExpiries[i] <= block.timestamp) revert ExpiryInPast(account, kycExpiries[i]);
            uint256 word = _accounts[account] & (_CASH_MASK | _FROZEN_BIT | _EXEMPT_BIT);
            _accounts[account] = word | (uint256(kycExpiries[i]) << _EXPIRY_SHIFT) | (uint256(countries[i]) << _COUNTRY_SHIFT);
            emit InvestorRegistered(account, countries[i], kycExpiries[i]);
        }
    }

    /// @inheritdoc IInvestorRegistry
    function removeInvestors(address[] calldata accounts) external onlyRole(REGISTRAR_ROLE) {
        for (uint256 i = 0; i < accounts.length; ++i) {
            _accounts[accounts[i]] &= _CASH_MASK | _FROZEN_BIT | _EXEMPT_BIT;
            emit InvestorRemoved(accounts[i]);
        }
    }

    /// @inheritdoc IInvestorRegistry
    function setFrozen(address account, bool frozen) external onlyRole(AGENT_ROLE) {
        if (account == address(0)) revert ZeroAddress();
        _accounts[account] = frozen ? _accounts[account] | _FROZEN_BIT : _accounts[account] & ~_FROZEN_BIT;
        emit AddressFrozen(account, frozen, _msgSender());
    }

    /// @inheritdoc IInvestorRegistry
    function setExempt(address account, bool exempt) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (account == address(0)) revert ZeroAddress();
        _accounts[account] = exempt ? _accounts[account] | _EXEMPT_BIT : _accounts[account] & ~_EXEMPT_BIT;
        emit ExemptionSet(account, exempt);
    }

    /// @inheritdoc IInvestorRegistry
    function investorOf(address account) external view returns (Investor memory) {
        uint256 word = _accounts[account];
        return Investor({
            country: uint16(word >> _COUNTRY_SHIFT),
            kycExpiry: uint64(word >> _EXPIRY_SHIFT),
            frozen: word & _FROZEN_BIT != 0,
            exempt: word & _EXEMPT_BIT != 0
        });
    }

    /// @inheritdoc IInvestorRegistry
    function isVerified(address account) public view returns (bool) {
        return _verified(_accounts[account]);
    }

    /// @inheritdoc IInvestorRegistry
    function complianceOf(address account) external view returns (bool verified, bool frozen, bool exempt) {
        uint256 word = _accounts[account];
        return (_verified(word), word & _FROZEN_BIT != 0, word & _EXEMPT_BIT != 0);
    }

    function _verified(uint256 word) internal view returns (bool) {
        return word & _EXEMPT_BIT != 0 || uint64(word >> _EXPIRY_SHIFT) > block.timestamp;
    }
}
