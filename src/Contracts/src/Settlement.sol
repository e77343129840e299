// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAssetToken} from "./interfaces/IAssetToken.sol";
import {IInvestorRegistry} from "./interfaces/IInvestorRegistry.sol";
import {ISettlement} from "./interfaces/ISettlement.sol";
import {TradeMerkle} from "./libraries/TradeMerkle.sol";

/// @title Settlement
/// @notice The clearing ledger: investor registry and cash accounts in one storage slot per
/// address, and atomic batch settlement of matched trades. See {ISettlement}, {IInvestorRegistry}.
/// @dev Why internal cash balances rather than allowances: settling against ERC-20 allowances costs
/// an external call plus two cold slots (balance, allowance) in the token per account; here a
/// batch touches one slot per account (cash and KYC record share it), netted across all its trades.
contract Settlement is ISettlement, IInvestorRegistry, AccessControl, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");

    uint256 private constant _BPS = 10_000;
    uint256 private constant _MAX_ACCOUNTS = 1 << 16;
    uint256 private constant _MAX_ASSETS = 1 << 8;

    /// @dev One slot: 128 + 64 + 16 + 8 + 8 = 224 bits.
    struct Account {
        uint128 cash;
        uint64 kycExpiry;
        uint16 country;
        bool frozen;
        bool exempt;
    }

    IERC20 private immutable _stablecoin;
    IAssetToken private immutable _assetToken;
    address private _treasury;
    uint16 private _tradingFeeCapBps;
    mapping(address account => Account) private _accounts;
    mapping(uint256 batchId => bytes32) private _batchRoots;
    mapping(uint256 assetId => uint256) private _royalties;

    constructor(address admin, IERC20 stablecoin_, IAssetToken assetToken_, address treasury_, uint16 tradingFeeCapBps_) {
        if (address(stablecoin_) == address(0) || address(assetToken_) == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _stablecoin = stablecoin_;
        _assetToken = assetToken_;
        _setTreasury(treasury_);
        _setTradingFeeCap(tradingFeeCapBps_);
    }

    // ---------------------------------------------------------------- registry

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
            Account storage record = _accounts[account];
            record.country = countries[i];
            record.kycExpiry = kycExpiries[i];
            emit InvestorRegistered(account, countries[i], kycExpiries[i]);
        }
    }

    /// @inheritdoc IInvestorRegistry
    function removeInvestors(address[] calldata accounts) external onlyRole(REGISTRAR_ROLE) {
        for (uint256 i = 0; i < accounts.length; ++i) {
            Account storage record = _accounts[accounts[i]];
            record.kycExpiry = 0;
            record.country = 0;
            emit InvestorRemoved(accounts[i]);
        }
    }

    /// @inheritdoc IInvestorRegistry
    function setFrozen(address account, bool frozen) external onlyRole(AGENT_ROLE) {
        if (account == address(0)) revert ZeroAddress();
        _accounts[account].frozen = frozen;
        emit AddressFrozen(account, frozen, _msgSender());
    }

    /// @inheritdoc IInvestorRegistry
    function setExempt(address account, bool exempt) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (account == address(0)) revert ZeroAddress();
        _accounts[account].exempt = exempt;
        emit ExemptionSet(account, exempt);
    }

    /// @inheritdoc IInvestorRegistry
    function investorOf(address account) external view returns (Investor memory) {
        Account storage record = _accounts[account];
        return Investor({country: record.country, kycExpiry: record.kycExpiry, frozen: record.frozen, exempt: record.exempt});
    }

    /// @inheritdoc IInvestorRegistry
    function isVerified(address account) public view returns (bool) {
        Account storage record = _accounts[account];
        return record.exempt || record.kycExpiry > block.timestamp;
    }

    /// @inheritdoc IInvestorRegistry
    function complianceOf(address account) external view returns (bool verified, bool frozen, bool exempt) {
        Account storage record = _accounts[account];
        exempt = record.exempt;
        return (exempt || record.kycExpiry > block.timestamp, record.frozen, exempt);
    }

    // ---------------------------------------------------------------- cash

    /// @inheritdoc ISettlement
    function deposit(uint256 amount) external whenNotPaused nonReentrant {
        _deposit(amount);
    }

    /// @inheritdoc ISettlement
    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external whenNotPaused nonReentrant {
        // A front-run permit (same signature used first by someone else) still leaves the allowance in place.
        try IERC20Permit(address(_stablecoin)).permit(_msgSender(), address(this), amount, deadline, v, r, s) {} catch {}
        _deposit(amount);
    }

    /// @inheritdoc ISettlement
    /// @dev Stays open while paused, so users can always exit; frozen accounts cannot.
    function withdraw(address to, uint256 amount) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        Account storage record = _accounts[_msgSender()];
        if (record.frozen) revert AccountFrozen(_msgSender());
        uint256 cash = record.cash;
        if (cash < amount) revert InsufficientCash(_msgSender(), cash, amount);
        // amount <= cash < 2^128 (checked above).
        unchecked {
            record.cash = uint128(cash - amount);
        }
        _stablecoin.safeTransfer(to, amount);
        emit Withdrawn(_msgSender(), to, amount);
    }

    // ---------------------------------------------------------------- settlement

    /// @inheritdoc ISettlement
    function settleBatch(uint256 batchId, address[] calldata accounts, uint256[] calldata assetIds, uint256[] calldata trades)
        external
        onlyRole(SETTLER_ROLE)
        whenNotPaused
        nonReentrant
        returns (bytes32 merkleRoot)
    {
        if (_batchRoots[batchId] != bytes32(0)) revert BatchAlreadySettled(batchId);
        if (trades.length == 0) revert EmptyBatch();
        if (accounts.length > _MAX_ACCOUNTS) revert TooManyAccounts(accounts.length);
        if (assetIds.length > _MAX_ASSETS) revert TooManyAssets(assetIds.length);

        Netting memory net;
        (, net.royaltyBps) = _assetToken.royaltyTermsOf(assetIds);
        net.cash = new int256[](accounts.length);
        net.fractions = new int256[](assetIds.length * accounts.length);
        net.royalties = new uint256[](assetIds.length);
        net.leaves = new bytes32[](trades.length);
        _netTrades(batchId, accounts, assetIds, trades, net);

        _applyCash(accounts, net.cash);
        _credit(_treasury, net.fees);
        uint256 royaltyTotal = _accrueRoyalties(assetIds, net.royalties);
        _assetToken.applySettlement(batchId, assetIds, accounts, net.fractions);

        merkleRoot = TradeMerkle.root(net.leaves);
        _batchRoots[batchId] = merkleRoot;
        emit BatchSettled(batchId, merkleRoot, trades.length, net.notional, net.fees, royaltyTotal);
    }

    /// @inheritdoc ISettlement
    function releaseRoyalties(uint256 assetId) external nonReentrant returns (uint256 amount) {
        amount = _royalties[assetId];
        if (amount == 0) revert NothingToRelease(assetId);
        address receiver = _assetToken.assetInfo(assetId).royaltyReceiver;
        _royalties[assetId] = 0;
        _stablecoin.safeTransfer(receiver, amount);
        emit RoyaltiesReleased(assetId, receiver, amount);
    }

    // ---------------------------------------------------------------- admin

    function setTreasury(address treasury_) external onlyRole(FEE_MANAGER_ROLE) {
        _setTreasury(treasury_);
    }

    /// @notice Highest trading fee a trade may carry. The fee itself is fixed per order when accepted.
    function setTradingFeeCap(uint16 capBps) external onlyRole(FEE_MANAGER_ROLE) {
        _setTradingFeeCap(capBps);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ---------------------------------------------------------------- views

    function cashOf(address account) external view returns (uint256) {
        return _accounts[account].cash;
    }

    function batchRoot(uint256 batchId) external view returns (bytes32) {
        return _batchRoots[batchId];
    }

    function royaltiesAccrued(uint256 assetId) external view returns (uint256) {
        return _royalties[assetId];
    }

    function stablecoin() external view returns (IERC20) {
        return _stablecoin;
    }

    function assetToken() external view returns (IAssetToken) {
        return _assetToken;
    }

    function treasury() external view returns (address) {
        return _treasury;
    }

    function tradingFeeCapBps() external view returns (uint16) {
        return _tradingFeeCapBps;
    }

    /// @inheritdoc ISettlement
    function tradeLeaf(uint256 batchId, address buyer, address seller, uint256 assetId, uint256 quantity, uint256 price, uint256 feeBps)
        external
        pure
        returns (bytes32)
    {
        return TradeMerkle.leaf(batchId, buyer, seller, assetId, quantity, price, feeBps);
    }

    /// @inheritdoc ISettlement
    function verifyTrade(
        uint256 batchId,
        address buyer,
        address seller,
        uint256 assetId,
        uint256 quantity,
        uint256 price,
        uint256 feeBps,
        bytes32[] calldata proof
    ) external view returns (bool) {
        bytes32 root = _batchRoots[batchId];
        return root != bytes32(0)
            && MerkleProof.verifyCalldata(proof, root, TradeMerkle.leaf(batchId, buyer, seller, assetId, quantity, price, feeBps));
    }

    /// @notice Packs one trade the way {settleBatch} reads it.
    function encodeTrade(uint256 buyerIndex, uint256 sellerIndex, uint256 assetIndex, uint256 quantity, uint256 price, uint256 feeBps)
        external
        pure
        returns (uint256)
    {
        return TradeMerkle.encode(buyerIndex, sellerIndex, assetIndex, quantity, price, feeBps);
    }

    // ---------------------------------------------------------------- internals

    /// @dev A batch's netting state, in memory: net cash per account, net fractions per (asset,
    /// account) as a row-per-asset matrix, royalties per asset, one Merkle leaf per trade.
    struct Netting {
        uint16[] royaltyBps;
        int256[] cash;
        int256[] fractions;
        uint256[] royalties;
        bytes32[] leaves;
        uint256 notional;
        uint256 fees;
    }

    function _netTrades(
        uint256 batchId,
        address[] calldata accounts,
        uint256[] calldata assetIds,
        uint256[] calldata trades,
        Netting memory net
    ) private view {
        uint256 n = accounts.length;
        uint256 cap = _tradingFeeCapBps;
        for (uint256 i = 0; i < trades.length; ++i) {
            TradeMerkle.Trade memory t = TradeMerkle.decode(trades[i]);
            if (t.buyer >= n || t.seller >= n || t.asset >= assetIds.length) revert BadTrade(i, "index out of range");
            if (t.buyer == t.seller) revert BadTrade(i, "self trade");
            if (t.quantity == 0) revert BadTrade(i, "zero quantity");
            if (t.price == 0) revert BadTrade(i, "zero price");
            if (t.feeBps > cap) revert FeeAboveCap(i, uint16(t.feeBps), uint16(cap));
            // quantity < 2^64 and price < 2^96, so notional < 2^160 and every product and sum below
            // (at most 2^16 trades, bps < 2^14) stays far inside int256.
            unchecked {
                uint256 notional = t.quantity * t.price;
                uint256 fee = notional * t.feeBps / _BPS;
                uint256 royalty = notional * net.royaltyBps[t.asset] / _BPS;
                net.cash[t.buyer] -= int256(notional + fee);
                net.cash[t.seller] += int256(notional - royalty);
                uint256 row = t.asset * n;
                net.fractions[row + t.buyer] += int256(t.quantity);
                net.fractions[row + t.seller] -= int256(t.quantity);
                net.royalties[t.asset] += royalty;
                net.notional += notional;
                net.fees += fee;
            }
            net.leaves[i] = TradeMerkle.leaf(batchId, accounts[t.buyer], accounts[t.seller], assetIds[t.asset], t.quantity, t.price, t.feeBps);
        }
    }

    /// @dev Checks every batch account (verified, not frozen) and applies its net cash change.
    function _applyCash(address[] calldata accounts, int256[] memory cash) private {
        uint256 time = block.timestamp;
        for (uint256 j = 0; j < accounts.length; ++j) {
            address account = accounts[j];
            Account storage record = _accounts[account];
            Account memory loaded = record;
            if (loaded.frozen) revert AccountFrozen(account);
            if (!loaded.exempt && loaded.kycExpiry <= time) revert AccountNotVerified(account);
            int256 delta = cash[j];
            if (delta == 0) continue;
            uint256 balance = loaded.cash;
            uint256 updated;
            if (delta < 0) {
                uint256 debit = uint256(-delta);
                if (balance < debit) revert InsufficientCash(account, balance, debit);
                updated = balance - debit;
            } else {
                updated = balance + uint256(delta);
                if (updated > type(uint128).max) revert CashOverflow(account);
            }
            record.cash = uint128(updated);
        }
    }

    function _accrueRoyalties(uint256[] calldata assetIds, uint256[] memory royalties) private returns (uint256 total) {
        for (uint256 a = 0; a < assetIds.length; ++a) {
            uint256 royalty = royalties[a];
            if (royalty != 0) {
                _royalties[assetIds[a]] += royalty;
                total += royalty;
            }
        }
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        Account storage record = _accounts[account];
        uint256 updated = uint256(record.cash) + amount;
        if (updated > type(uint128).max) revert CashOverflow(account);
        record.cash = uint128(updated);
    }

    function _deposit(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        address account = _msgSender();
        if (_accounts[account].frozen) revert AccountFrozen(account);
        _stablecoin.safeTransferFrom(account, address(this), amount);
        _credit(account, amount);
        emit Deposited(account, amount);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert ZeroAddress();
        _treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function _setTradingFeeCap(uint16 capBps) private {
        if (capBps > _BPS) revert FeeAboveCap(0, capBps, uint16(_BPS));
        _tradingFeeCapBps = capBps;
        emit TradingFeeCapSet(capBps);
    }
}
