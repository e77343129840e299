// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IRoyaltySplitter} from "./IRoyaltySplitter.sol";
import {IHolderDistributor} from "./IHolderDistributor.sol";
import {IRevenueReceivers} from "./IRevenueReceivers.sol";

/// @title Payout router
/// @notice Pays out assets' revenue in one transaction, several assets at once: for each asset it
/// releases the deposit (fees to the treasury, the rest into the asset's stream), pulls from a
/// funder's wallet under that funder's standing authorization (same split), distributes the
/// stream (funding the holders' pool when asked), pays the payees out and pushes to holders.
/// @dev Trust model. The router holds OPERATOR_ROLE on the revenue receivers and on the holder
/// distributor, and its own operator decides amounts, the treasury and the distributor's roots,
/// exactly as the operator did when it sent the separate transactions. Wallet money is bounded by
/// what the funder signed: a standing authorization is a total cap and an expiry (EIP-712, signed
/// once), revocable by the funder at any time; it is spent only into the treasury and the stream
/// the revenue receivers bound to the payout's asset (never another asset's stream). The ERC-20
/// allowance the funder gave this router (e.g. an ERC-2612 permit) is a second, independent cap.
/// The router never keeps tokens: what it pulls for a stream is funded into it in the same call.
interface IPayoutRouter {
    /// @notice One asset's payout in {execute}, steps in field order.
    /// @param assetId the asset paid out; its stream is `receivers.streamOf(assetId)`
    /// @param depositFees taken from the asset's deposit to the treasury
    /// @param depositToStream taken from the asset's deposit into its stream
    /// @param funder the wallet pulled from (ignored when walletFees and walletToStream are both 0)
    /// @param walletFees pulled from `funder` to the treasury
    /// @param walletToStream pulled from `funder` into the asset's stream
    /// @param split the asset's stream and its payee list (checked against the stored split hash)
    /// @param fundHolders distribute through the holder distributor, which funds the asset's pool
    /// with the stream's holders' share under `root` / `totalEntitled`; otherwise distribute only
    /// @param root the asset's new cumulative Merkle root (used when fundHolders)
    /// @param totalEntitled the sum of the root's leaves (used when fundHolders)
    /// @param withdrawPayees payees paid what the splitter credits them (frozen ones are deferred)
    /// @param pushes holders pushed their entitlement under the asset's root (frozen ones stay claimable)
    /// @param proof the multiproof of `pushes`
    /// @param proofFlags the multiproof's flags
    struct Payout {
        uint256 assetId;
        uint256 depositFees;
        uint256 depositToStream;
        address funder;
        uint256 walletFees;
        uint256 walletToStream;
        IRoyaltySplitter.Distribution split;
        bool fundHolders;
        bytes32 root;
        uint256 totalEntitled;
        address[] withdrawPayees;
        IHolderDistributor.PushEntry[] pushes;
        bytes32[] proof;
        bool[] proofFlags;
    }

    /// @notice `funder`'s standing authorization is now `cap` in total until `expiry` (nothing
    /// spent yet), signed with `nonce`. A zero cap revokes.
    event AuthorizationSet(address indexed funder, uint256 cap, uint256 expiry, uint256 nonce);
    /// @notice `funder` revoked its authorization itself (see {revoke}).
    event AuthorizationRevoked(address indexed funder);
    /// @notice `fees` went from `funder` to the treasury and `toStream` into `assetId`'s stream;
    /// `remaining` of the authorization's cap is left.
    event FundsCollected(address indexed funder, uint256 indexed assetId, uint256 fees, uint256 toStream, uint256 remaining);
    /// @notice `assetId` was paid out: `fromDeposit` released from its deposit, `fromWallet` pulled from `funder`.
    event PayoutExecuted(uint256 indexed assetId, uint256 fromDeposit, address indexed funder, uint256 fromWallet);

    /// @notice The payout's stream `streamId` is not the one bound to `assetId` by the revenue receivers.
    error StreamMismatch(uint256 assetId, uint256 streamId);
    /// @notice `funder` has no live authorization (never set, revoked by {revoke}, or past its expiry).
    error AuthorizationExpired(address funder);
    /// @notice Pulling `amount` more from `funder` would pass its authorization's `cap` (`spent` so far).
    error AuthorizationExceeded(address funder, uint256 cap, uint256 spent, uint256 amount);
    /// @notice The signature is not `funder`'s over {authorizationDigest} with its current nonce.
    error InvalidAuthorizationSignature(address funder);
    /// @notice A cap at or above 2^96, or an expiry at or above 2^64 (both far beyond any real use).
    error AuthorizationOutOfRange(uint256 cap, uint256 expiry);
    /// @notice The revenue receivers release into another splitter, or hold another token, than this router's.
    error ContractsMismatch();
    /// @notice An address argument (admin, token, splitter, distributor, receivers, treasury) is address(0).
    error ZeroAddress();

    /// @notice Replaces `funder`'s authorization with `cap` in total (nothing spent) until `expiry`
    /// (exclusive, unix seconds); `cap` 0 revokes. Anyone may submit it (the platform relays the
    /// signatures of custodial wallets): the signature is what authorizes. It must be `funder`'s
    /// (ECDSA for an account without code, ERC-1271 for a contract wallet) over
    /// {authorizationDigest}(funder, cap, expiry, nonces(funder)); that nonce is consumed, so each
    /// signature is used at most once and only in signing order.
    /// Reverts with {InvalidAuthorizationSignature} or {AuthorizationOutOfRange}.
    function setAuthorization(address funder, uint256 cap, uint256 expiry, bytes calldata signature) external;

    /// @notice Revokes the caller's authorization (cap, spent and expiry become 0) and consumes its
    /// current nonce, so an authorization it signed but nobody submitted yet can no longer be.
    function revoke() external;

    /// @notice Executes each payout in order, all in one transaction (one failing payout reverts
    /// them all). Per payout: the stream check ({StreamMismatch}); the deposit release when
    /// depositFees + depositToStream > 0 (reverts as {IRevenueReceivers-release} does, e.g. on a
    /// shortfall); the wallet pull when walletFees + walletToStream > 0, which needs the funder's
    /// live authorization ({AuthorizationExpired}) with room for the amount
    /// ({AuthorizationExceeded}); the split (through the holder distributor when fundHolders);
    /// the payees' withdrawal when withdrawPayees is not empty; the holders' push when pushes is
    /// not empty; {PayoutExecuted}. Operator only.
    /// @param treasury where every payout's fees go; not address(0)
    function execute(Payout[] calldata payouts, address treasury) external;

    /// @notice `funder`'s authorization: its cap, what was pulled under it, its expiry (exclusive)
    /// and the nonce its next signed authorization must carry.
    function authorizationOf(address funder) external view returns (uint256 cap, uint256 spent, uint256 expiry, uint256 nonce);

    /// @notice The nonce `funder`'s next signed authorization must carry.
    function nonces(address funder) external view returns (uint256);

    /// @notice The EIP-712 digest `funder` signs: keccak256(0x1901 || DOMAIN_SEPARATOR() ||
    /// keccak256(abi.encode(keccak256("FundingAuthorization(address funder,uint256 cap,uint256 expiry,uint256 nonce)"),
    /// funder, cap, expiry, nonce))).
    function authorizationDigest(address funder, uint256 cap, uint256 expiry, uint256 nonce) external view returns (bytes32);

    /// @notice The EIP-712 domain separator (name "TokenPlatform PayoutRouter", version "1", the
    /// current chain id, this contract's address).
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The stablecoin every payout moves.
    function token() external view returns (IERC20);

    /// @notice The royalty splitter whose streams are funded and distributed.
    function splitter() external view returns (IRoyaltySplitter);

    /// @notice The holder distributor whose pools are funded and pushed from.
    function distributor() external view returns (IHolderDistributor);

    /// @notice The revenue receivers whose deposits are released and whose stream bindings are trusted.
    function receivers() external view returns (IRevenueReceivers);
}
