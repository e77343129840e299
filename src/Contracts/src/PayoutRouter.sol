// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IPayoutRouter} from "./interfaces/IPayoutRouter.sol";
import {IRoyaltySplitter} from "./interfaces/IRoyaltySplitter.sol";
import {IHolderDistributor} from "./interfaces/IHolderDistributor.sol";
import {IRevenueReceivers} from "./interfaces/IRevenueReceivers.sol";

/// @title PayoutRouter
/// @notice See {IPayoutRouter}.
/// @dev An authorization is one slot (cap and spent below 2^96, expiry below 2^64), so a wallet
/// payout reads and writes one word for its checks. The stream is taken from the revenue
/// receivers' binding, never from the caller alone, and the receivers are checked at construction
/// to fund this router's splitter: a stream id names the same stream for both.
contract PayoutRouter is IPayoutRouter, AccessControl, ReentrancyGuardTransient, EIP712 {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant FUNDING_AUTHORIZATION_TYPEHASH =
        keccak256("FundingAuthorization(address funder,uint256 cap,uint256 expiry,uint256 nonce)");

    struct Authorization {
        uint96 cap;
        uint96 spent;
        uint64 expiry;
    }

    IERC20 private immutable _token;
    IRoyaltySplitter private immutable _splitter;
    IHolderDistributor private immutable _distributor;
    IRevenueReceivers private immutable _receivers;
    mapping(address funder => Authorization) private _authorizations;
    mapping(address funder => uint256) private _nonces;

    constructor(address admin, IERC20 token_, IRoyaltySplitter splitter_, IHolderDistributor distributor_, IRevenueReceivers receivers_)
        EIP712("TokenPlatform PayoutRouter", "1")
    {
        if (
            admin == address(0) || address(token_) == address(0) || address(splitter_) == address(0)
                || address(distributor_) == address(0) || address(receivers_) == address(0)
        ) revert ZeroAddress();
        if (address(receivers_.splitter()) != address(splitter_) || address(receivers_.token()) != address(token_)) {
            revert ContractsMismatch();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token = token_;
        _splitter = splitter_;
        _distributor = distributor_;
        _receivers = receivers_;
    }

    /// @inheritdoc IPayoutRouter
    function setAuthorization(address funder, uint256 cap, uint256 expiry, bytes calldata signature) external {
        if (cap > type(uint96).max || expiry > type(uint64).max) revert AuthorizationOutOfRange(cap, expiry);
        uint256 nonce = _useNonce(funder);
        if (!SignatureChecker.isValidSignatureNowCalldata(funder, authorizationDigest(funder, cap, expiry, nonce), signature)) {
            revert InvalidAuthorizationSignature(funder);
        }
        // Both checked against their widths above.
        _authorizations[funder] = Authorization({cap: uint96(cap), spent: 0, expiry: uint64(expiry)});
        emit AuthorizationSet(funder, cap, expiry, nonce);
    }

    /// @inheritdoc IPayoutRouter
    function revoke() external {
        address funder = _msgSender();
        delete _authorizations[funder];
        _useNonce(funder);
        emit AuthorizationRevoked(funder);
    }

    /// @inheritdoc IPayoutRouter
    function execute(Payout[] calldata payouts, address treasury) external onlyRole(OPERATOR_ROLE) nonReentrant {
        if (treasury == address(0)) revert ZeroAddress();
        for (uint256 i = 0; i < payouts.length; ++i) {
            _execute(payouts[i], treasury);
        }
    }

    /// @inheritdoc IPayoutRouter
    function authorizationOf(address funder) external view returns (uint256 cap, uint256 spent, uint256 expiry, uint256 nonce) {
        Authorization storage a = _authorizations[funder];
        return (a.cap, a.spent, a.expiry, _nonces[funder]);
    }

    /// @inheritdoc IPayoutRouter
    function nonces(address funder) external view returns (uint256) {
        return _nonces[funder];
    }

    /// @inheritdoc IPayoutRouter
    function authorizationDigest(address funder, uint256 cap, uint256 expiry, uint256 nonce) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(FUNDING_AUTHORIZATION_TYPEHASH, funder, cap, expiry, nonce)));
    }

    /// @inheritdoc IPayoutRouter
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @inheritdoc IPayoutRouter
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IPayoutRouter
    function splitter() external view returns (IRoyaltySplitter) {
        return _splitter;
    }

    /// @inheritdoc IPayoutRouter
    function distributor() external view returns (IHolderDistributor) {
        return _distributor;
    }

    /// @inheritdoc IPayoutRouter
    function receivers() external view returns (IRevenueReceivers) {
        return _receivers;
    }

    function _execute(Payout calldata p, address treasury) private {
        uint256 assetId = p.assetId;
        uint256 streamId = p.split.streamId;
        // streamOf is 0 for an asset without a receiver, and no stream has id 0.
        if (streamId == 0 || streamId != _receivers.streamOf(assetId)) revert StreamMismatch(assetId, streamId);

        uint256 fromDeposit = p.depositFees + p.depositToStream;
        if (fromDeposit != 0) _receivers.release(assetId, treasury, p.depositFees, p.depositToStream);

        uint256 fromWallet = p.walletFees + p.walletToStream;
        if (fromWallet != 0) _collect(p.funder, assetId, streamId, p.walletFees, p.walletToStream, treasury);

        if (p.fundHolders) {
            _distributor.fundFromSplitter(_splitter, p.split, assetId, p.root, p.totalEntitled);
        } else {
            IRoyaltySplitter.Distribution[] memory one = new IRoyaltySplitter.Distribution[](1);
            one[0] = p.split;
            _splitter.distribute(one);
        }

        if (p.withdrawPayees.length != 0) _splitter.withdrawMany(p.withdrawPayees);
        if (p.pushes.length != 0) _distributor.push(assetId, p.pushes, p.proof, p.proofFlags);
        emit PayoutExecuted(assetId, fromDeposit, p.funder, fromWallet);
    }

    /// @dev Spends `fees + toStream` of `funder`'s authorization, then moves the money: the fees
    /// straight to the treasury, the rest through this contract into the stream (the splitter
    /// pulls exactly what was pulled here, so nothing stays and the allowance ends at zero).
    function _collect(address funder, uint256 assetId, uint256 streamId, uint256 fees, uint256 toStream, address treasury) private {
        Authorization storage a = _authorizations[funder];
        Authorization memory current = a;
        if (block.timestamp >= current.expiry) revert AuthorizationExpired(funder);
        uint256 amount = fees + toStream;
        // spent <= cap always holds, so the subtraction cannot underflow; comparing against what is
        // left (rather than spent + amount) cannot overflow for any amount.
        uint256 left = current.cap - current.spent;
        if (amount > left) revert AuthorizationExceeded(funder, current.cap, current.spent, amount);
        // amount <= left, so spent + amount <= cap < 2^96.
        a.spent = uint96(current.spent + amount);
        if (fees != 0) _token.safeTransferFrom(funder, treasury, fees);
        if (toStream != 0) {
            _token.safeTransferFrom(funder, address(this), toStream);
            // forceApprove: works for tokens that refuse changing a non-zero allowance (USDT).
            _token.forceApprove(address(_splitter), toStream);
            _splitter.fund(streamId, toStream);
        }
        emit FundsCollected(funder, assetId, fees, toStream, left - amount);
    }

    /// @dev Returns the current nonce of `funder` and advances it.
    function _useNonce(address funder) private returns (uint256 nonce) {
        nonce = _nonces[funder];
        // A nonce advances by one per signature or revocation: it cannot reach 2^256.
        unchecked {
            _nonces[funder] = nonce + 1;
        }
    }
}
