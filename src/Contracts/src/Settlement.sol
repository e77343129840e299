// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAssetToken} from "./interfaces/IAssetToken.sol";
import {ISettlement} from "./interfaces/ISettlement.sol";
import {InvestorAccounts} from "./InvestorAccounts.sol";
import {TradeMerkle} from "./libraries/TradeMerkle.sol";
import {TradeNetting} from "./libraries/TradeNetting.sol";

/// @title Settlement
/// @notice The clearing ledger: cash accounts (sharing each address's word with its investor
/// record, see {InvestorAccounts}), and atomic batch settlement of matched trades. See {ISettlement}, {IInvestorRegistry}.
/// A buyer pays from its cash; a seller's proceeds accrue in its position word in the asset token
/// (same slot as its fractions) until {sweepProceeds} moves them into its cash, so a batch writes
/// three slots per trade instead of four.
/// @dev Why internal cash balances rather than allowances: settling against ERC-20 allowances costs
/// an external call plus two cold slots (balance, allowance) in the token per account; here a
/// batch touches one slot per account (cash and KYC record share it), netted across all its trades.
contract Settlement is ISettlement, InvestorAccounts, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");

    uint256 private constant _BPS = 10_000;
    uint256 private constant _MAX_ACCOUNTS = 1 << 16;
    uint256 private constant _MAX_ASSETS = 1 << 8;

    IERC20 private immutable _stablecoin;
    IAssetToken private immutable _assetToken;
    /// @dev One slot read by every batch: treasury, fee cap, pause flag and the trading fees
    /// accrued since the last {releaseFees} (72 bits: up to 4.7e21 minor units).
    struct Config {
        address treasury;
        uint16 tradingFeeCapBps;
        bool paused;
        uint72 feesAccrued;
    }

    Config private _config;
    mapping(uint256 batchId => bytes32) private _batchRoots;
    /// @dev Per asset: resale royalty bps + 1 in the low 16 bits (cached from the asset token, whose
    /// terms never change; 0 = not cached yet) and the royalties accrued above them, so a batch
    /// reads and writes one slot per asset and makes no external call for the rates.
    mapping(uint256 assetId => uint256) private _royaltyLedger;

    constructor(address admin, IERC20 stablecoin_, IAssetToken assetToken_, address treasury_, uint16 tradingFeeCapBps_) {
        if (address(stablecoin_).code.length == 0 || address(assetToken_).code.length == 0) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _stablecoin = stablecoin_;
        _assetToken = assetToken_;
        _setTreasury(treasury_);
        _setTradingFeeCap(tradingFeeCapBps_);
    }

    // ---------------------------------------------------------------- cash

    modifier whenNotPaused() {
        if (_config.paused) revert EnforcedPause();
        _;
    }

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
        uint256 word = _accounts[_msgSender()];
        if (word & _FROZEN_BIT != 0) revert AccountFrozen(_msgSender());
        uint256 cash = word & _CASH_MASK;
        if (cash < amount) revert InsufficientCash(_msgSender(), cash, amount);
        // amount <= cash: subtracting from the low bits cannot borrow from the other fields.
        unchecked {
            _accounts[_msgSender()] = word - amount;
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

        TradeNetting.Netting memory net;
        net.royaltyBps = _royaltyRates(assetIds);
        net.debits = new uint256[](accounts.length);
        net.positions = new int256[](assetIds.length * accounts.length);
        net.royalties = new uint256[](assetIds.length);
        net.leaves = new bytes32[](trades.length);
        _netTrades(batchId, accounts, assetIds, trades, net);

        _applyDebits(accounts, net.debits);
        _accrueFees(net.fees);
        uint256 royaltyTotal = _accrueRoyalties(assetIds, net.royalties);
        _applyPositions(batchId, assetIds, accounts, net.positions);

        merkleRoot = TradeMerkle.root(net.leaves);
        _batchRoots[batchId] = merkleRoot;
        emit BatchSettled(batchId, merkleRoot, trades.length, net.notional, net.fees, royaltyTotal);
    }

    /// @inheritdoc ISettlement
    function sweepProceeds(address account, uint256[] calldata assetIds) external nonReentrant returns (uint256 amount) {
        amount = _assetToken.takeProceeds(account, assetIds);
        _credit(account, amount);
        emit ProceedsSwept(account, amount);
    }

    /// @inheritdoc ISettlement
    function releaseRoyalties(uint256 assetId) external nonReentrant returns (uint256 amount) {
        uint256 ledger = _royaltyLedger[assetId];
        amount = ledger >> 16;
        if (amount == 0) revert NothingToRelease(assetId);
        address receiver = _assetToken.assetInfo(assetId).royaltyReceiver;
        _royaltyLedger[assetId] = ledger & 0xffff;
        _stablecoin.safeTransfer(receiver, amount);
        emit RoyaltiesReleased(assetId, receiver, amount);
    }

    /// @inheritdoc ISettlement
    function releaseFees() external nonReentrant returns (uint256 amount) {
        amount = _config.feesAccrued;
        if (amount == 0) revert ZeroAmount();
        _config.feesAccrued = 0;
        address to = _config.treasury;
        _stablecoin.safeTransfer(to, amount);
        emit FeesReleased(to, amount);
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
        _config.paused = true;
        emit Paused(_msgSender());
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _config.paused = false;
        emit Unpaused(_msgSender());
    }

    // ---------------------------------------------------------------- views

    function paused() external view returns (bool) {
        return _config.paused;
    }

    function feesAccrued() external view returns (uint256) {
        return _config.feesAccrued;
    }

    function cashOf(address account) external view returns (uint256) {
        return _accounts[account] & _CASH_MASK;
    }

    function batchRoot(uint256 batchId) external view returns (bytes32) {
        return _batchRoots[batchId];
    }

    function royaltiesAccrued(uint256 assetId) external view returns (uint256) {
        return _royaltyLedger[assetId] >> 16;
    }

    function stablecoin() external view returns (IERC20) {
        return _stablecoin;
    }

    function assetToken() external view returns (IAssetToken) {
        return _assetToken;
    }

    function treasury() external view returns (address) {
        return _config.treasury;
    }

    function tradingFeeCapBps() external view returns (uint16) {
        return _config.tradingFeeCapBps;
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

    function _netTrades(
        uint256 batchId,
        address[] calldata accounts,
        uint256[] calldata assetIds,
        uint256[] calldata trades,
        TradeNetting.Netting memory net
    ) private view {
        net.accountCount = accounts.length;
        net.assetCount = assetIds.length;
        net.feeCap = _config.tradingFeeCapBps;
        net.batchId = batchId;
        uint256 offset;
        assembly ("memory-safe") {
            offset := accounts.offset
        }
        net.accountsOffset = offset;
        assembly ("memory-safe") {
            offset := assetIds.offset
        }
        net.assetIdsOffset = offset;
        assembly ("memory-safe") {
            offset := trades.offset
        }
        uint256 failure = TradeNetting.accumulate(net, offset, trades.length);
        if (failure != 0) _revertTrade(net, trades[failure >> 8], failure >> 8, failure & 0xff);
    }

    function _revertTrade(TradeNetting.Netting memory net, uint256 packed, uint256 i, uint256 failure) private pure {
        if (failure == 1) revert TradeMerkle.UnusedBitsSet(packed);
        if (failure == 2) revert BadTrade(i, "index out of range");
        if (failure == 3) revert BadTrade(i, "self trade");
        if (failure == 4) revert BadTrade(i, "zero quantity");
        if (failure == 5) revert BadTrade(i, "zero price");
        revert FeeAboveCap(i, uint16(packed >> 152), uint16(net.feeCap));
    }

    /// @dev Checks every batch account (verified, not frozen) and takes what each buyer pays from
    /// its cash. Hot loop in Yul; a failure is recorded and reverted with a typed error after it.
    function _applyDebits(address[] calldata accounts, uint256[] memory debits) private {
        // failure: 0 = none, else code | (index << 8).
        uint256 failure;
        assembly ("memory-safe") {
            mstore(0x20, _accounts.slot)
            for { let j := 0 } lt(j, accounts.length) { j := add(j, 1) } {
                mstore(0x00, and(calldataload(add(accounts.offset, shl(5, j))), 0xffffffffffffffffffffffffffffffffffffffff))
                let slot := keccak256(0x00, 0x40)
                let word := sload(slot)
                // frozen: bit 208; exempt: bit 209; KYC expiry: bits 128-191; cash: bits 0-127.
                if and(shr(208, word), 1) {
                    failure := or(1, shl(8, j))
                    break
                }
                if and(iszero(and(shr(209, word), 1)), iszero(gt(and(shr(128, word), 0xffffffffffffffff), timestamp()))) {
                    failure := or(2, shl(8, j))
                    break
                }
                let debit := mload(add(add(debits, 0x20), shl(5, j)))
                if debit {
                    if lt(and(word, 0xffffffffffffffffffffffffffffffff), debit) {
                        failure := or(3, shl(8, j))
                        break
                    }
                    // debit <= cash: the subtraction stays inside the cash bits.
                    sstore(slot, sub(word, debit))
                }
            }
        }
        if (failure == 0) return;
        address account = accounts[failure >> 8];
        if (failure & 0xff == 1) revert AccountFrozen(account);
        if (failure & 0xff == 2) revert AccountNotVerified(account);
        revert InsufficientCash(account, _accounts[account] & _CASH_MASK, debits[failure >> 8]);
    }

    function _royaltyRates(uint256[] calldata assetIds) private returns (uint16[] memory rates) {
        rates = new uint16[](assetIds.length);
        bool missing;
        for (uint256 a = 0; a < assetIds.length; ++a) {
            uint256 cached = _royaltyLedger[assetIds[a]] & 0xffff;
            if (cached == 0) {
                missing = true;
                break;
            }
            // cached = bps + 1 <= 10,001, so cached - 1 fits 16 bits.
            rates[a] = uint16(cached - 1);
        }
        if (!missing) return rates;
        // royaltyTermsOf also reverts for an unknown asset id.
        (, rates) = _assetToken.royaltyTermsOf(assetIds);
        for (uint256 a = 0; a < assetIds.length; ++a) {
            uint256 ledger = _royaltyLedger[assetIds[a]];
            _royaltyLedger[assetIds[a]] = (ledger & ~uint256(0xffff)) | (uint256(rates[a]) + 1);
        }
    }

    /// @dev Calls {IAssetToken.applySettlement} with hand-built calldata: the id and account arrays
    /// are copied straight from this call's calldata and the position matrix with MCOPY, instead of
    /// the ABI encoder's element-by-element loops (about 50k gas per 200-account batch).
    function _applyPositions(uint256 batchId, uint256[] calldata assetIds, address[] calldata accounts, int256[] memory positions)
        private
    {
        address target = address(_assetToken);
        bytes4 selector = IAssetToken.applySettlement.selector;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            let head := add(ptr, 4)
            let idsOffset := 0x80
            let accountsOffset := add(idsOffset, shl(5, add(assetIds.length, 1)))
            let positionsOffset := add(accountsOffset, shl(5, add(accounts.length, 1)))
            let positionCount := mload(positions)
            mstore(head, batchId)
            mstore(add(head, 0x20), idsOffset)
            mstore(add(head, 0x40), accountsOffset)
            mstore(add(head, 0x60), positionsOffset)
            mstore(add(head, idsOffset), assetIds.length)
            calldatacopy(add(head, add(idsOffset, 0x20)), assetIds.offset, shl(5, assetIds.length))
            mstore(add(head, accountsOffset), accounts.length)
            calldatacopy(add(head, add(accountsOffset, 0x20)), accounts.offset, shl(5, accounts.length))
            mstore(add(head, positionsOffset), positionCount)
            mcopy(add(head, add(positionsOffset, 0x20)), add(positions, 0x20), shl(5, positionCount))
            let size := add(4, add(positionsOffset, shl(5, add(positionCount, 1))))
            if iszero(call(gas(), target, 0, ptr, size, 0, 0)) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
        }
    }

    function _accrueRoyalties(uint256[] calldata assetIds, uint256[] memory royalties) private returns (uint256 total) {
        for (uint256 a = 0; a < assetIds.length; ++a) {
            uint256 royalty = royalties[a];
            if (royalty != 0) {
                // Accrued royalties live above the 16 rate bits; a batch adds < 2^128.
                _royaltyLedger[assetIds[a]] += royalty << 16;
                total += royalty;
            }
        }
    }

    function _accrueFees(uint256 amount) private {
        if (amount == 0) return;
        uint256 accrued = uint256(_config.feesAccrued) + amount;
        if (accrued > type(uint72).max) revert CashOverflow(_config.treasury);
        // Checked just above.
        _config.feesAccrued = uint72(accrued);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        uint256 word = _accounts[account];
        if ((word & _CASH_MASK) + amount > _CASH_MASK) revert CashOverflow(account);
        // The new cash fits 128 bits (checked above), so adding to the word cannot touch other fields.
        unchecked {
            _accounts[account] = word + amount;
        }
    }

    function _deposit(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        address account = _msgSender();
        if (_accounts[account] & _FROZEN_BIT != 0) revert AccountFrozen(account);
        _stablecoin.safeTransferFrom(account, address(this), amount);
        _credit(account, amount);
        emit Deposited(account, amount);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert ZeroAddress();
        _config.treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function _setTradingFeeCap(uint16 capBps) private {
        if (capBps > _BPS) revert FeeAboveCap(0, capBps, uint16(_BPS));
        _config.tradingFeeCapBps = capBps;
        emit TradingFeeCapSet(capBps);
    }
}
