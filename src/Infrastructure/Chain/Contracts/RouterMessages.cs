using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

// PayoutRouter (src/Contracts/src/interfaces/IPayoutRouter.sol): one transaction per batch of
// assets, from deposits and/or funders' wallets under their standing authorizations.

/// <summary>IPayoutRouter.Payout: one asset's payout, its steps in field order.</summary>
public sealed class PayoutTuple
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "depositFees", 2)]
    public BigInteger DepositFees { get; set; }

    [Parameter("uint256", "depositToStream", 3)]
    public BigInteger DepositToStream { get; set; }

    /// <summary>The wallet pulled from; the zero address when nothing is pulled from a wallet.</summary>
    [Parameter("address", "funder", 4)]
    public string Funder { get; set; } = Nethereum.Util.AddressUtil.ZERO_ADDRESS;

    [Parameter("uint256", "walletFees", 5)]
    public BigInteger WalletFees { get; set; }

    [Parameter("uint256", "walletToStream", 6)]
    public BigInteger WalletToStream { get; set; }

    /// <summary>Must be the stream the revenue receivers bound to the asset (else StreamMismatch).</summary>
    [Parameter("tuple", "split", 7)]
    public StreamDistributionTuple Split { get; set; } = new();

    [Parameter("bool", "fundHolders", 8)]
    public bool FundHolders { get; set; }

    /// <summary>32 bytes; zero bytes when the holders are not funded (then unused).</summary>
    [Parameter("bytes32", "root", 9)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("uint256", "totalEntitled", 10)]
    public BigInteger TotalEntitled { get; set; }

    [Parameter("address[]", "withdrawPayees", 11)]
    public List<string> WithdrawPayees { get; set; } = [];

    [Parameter("tuple[]", "pushes", 12)]
    public List<PushEntryTuple> Pushes { get; set; } = [];

    [Parameter("bytes32[]", "proof", 13)]
    public List<byte[]> Proof { get; set; } = [];

    [Parameter("bool[]", "proofFlags", 14)]
    public List<bool> ProofFlags { get; set; } = [];
}

/// <summary>Runs every payout in order, all or nothing. Operator only; fees go to <see cref="Treasury"/>.</summary>
[Function("execute")]
public sealed class ExecutePayoutsFunction : FunctionMessage
{
    [Parameter("tuple[]", "payouts", 1)]
    public List<PayoutTuple> Payouts { get; set; } = [];

    [Parameter("address", "treasury", 2)]
    public string Treasury { get; set; } = "";
}

/// <summary>
/// Replaces the funder's standing authorization (cap in total, nothing spent, until expiry; cap 0
/// revokes). Anyone may relay it: <see cref="Signature"/> (65 bytes r || s || v, or what an ERC-1271
/// wallet accepts) must be the funder's over the EIP-712 digest with its current router nonce.
/// </summary>
[Function("setAuthorization")]
public sealed class SetAuthorizationFunction : FunctionMessage
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "cap", 2)]
    public BigInteger Cap { get; set; }

    /// <summary>Unix seconds, exclusive.</summary>
    [Parameter("uint256", "expiry", 3)]
    public BigInteger Expiry { get; set; }

    [Parameter("bytes", "signature", 4)]
    public byte[] Signature { get; set; } = [];
}

/// <summary>The sender revokes its own authorization (and consumes its nonce).</summary>
[Function("revoke")]
public sealed class RevokeAuthorizationFunction : FunctionMessage
{
}

[Function("authorizationOf", typeof(AuthorizationOutput))]
public sealed class AuthorizationOfFunction : FunctionMessage
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";
}

[FunctionOutput]
public sealed class AuthorizationOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "cap", 1)]
    public BigInteger Cap { get; set; }

    [Parameter("uint256", "spent", 2)]
    public BigInteger Spent { get; set; }

    [Parameter("uint256", "expiry", 3)]
    public BigInteger Expiry { get; set; }

    /// <summary>The nonce the funder's next signed authorization must carry.</summary>
    [Parameter("uint256", "nonce", 4)]
    public BigInteger Nonce { get; set; }
}

/// <summary>The nonce the funder's next signed authorization must carry.</summary>
[Function("nonces", "uint256")]
public sealed class RouterNoncesFunction : FunctionMessage
{
    [Parameter("address", "funder", 1)]
    public string Owner { get; set; } = "";
}

/// <summary>EIP-712 domain "TokenPlatform PayoutRouter", version "1", this chain, the router's address.</summary>
[Function("DOMAIN_SEPARATOR", "bytes32")]
public sealed class RouterDomainSeparatorFunction : FunctionMessage
{
}

/// <summary>The digest a funder signs, computed by the router (to cross-check an off-chain digest).</summary>
[Function("authorizationDigest", "bytes32")]
public sealed class AuthorizationDigestFunction : FunctionMessage
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "cap", 2)]
    public BigInteger Cap { get; set; }

    [Parameter("uint256", "expiry", 3)]
    public BigInteger Expiry { get; set; }

    /// <summary>The router nonce the authorization carries (not the transaction's <c>Nonce</c>).</summary>
    [Parameter("uint256", "nonce", 4)]
    public BigInteger AuthorizationNonce { get; set; }
}

[Event("PayoutExecuted")]
public sealed class PayoutExecutedEvent : IEventDTO
{
    [Parameter("uint256", "assetId", 1, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "fromDeposit", 2, false)]
    public BigInteger FromDeposit { get; set; }

    [Parameter("address", "funder", 3, true)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "fromWallet", 4, false)]
    public BigInteger FromWallet { get; set; }
}

[Event("FundsCollected")]
public sealed class FundsCollectedEvent : IEventDTO
{
    [Parameter("address", "funder", 1, true)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "assetId", 2, true)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "fees", 3, false)]
    public BigInteger Fees { get; set; }

    [Parameter("uint256", "toStream", 4, false)]
    public BigInteger ToStream { get; set; }

    /// <summary>What is left of the authorization's cap.</summary>
    [Parameter("uint256", "remaining", 5, false)]
    public BigInteger Remaining { get; set; }
}

[Event("AuthorizationSet")]
public sealed class AuthorizationSetEvent : IEventDTO
{
    [Parameter("address", "funder", 1, true)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "cap", 2, false)]
    public BigInteger Cap { get; set; }

    [Parameter("uint256", "expiry", 3, false)]
    public BigInteger Expiry { get; set; }

    [Parameter("uint256", "nonce", 4, false)]
    public BigInteger Nonce { get; set; }
}

[Event("AuthorizationRevoked")]
public sealed class AuthorizationRevokedEvent : IEventDTO
{
    [Parameter("address", "funder", 1, true)]
    public string Funder { get; set; } = "";
}

[Error("StreamMismatch")]
public sealed class RouterStreamMismatchError
{
    [Parameter("uint256", "assetId", 1)]
    public BigInteger AssetId { get; set; }

    [Parameter("uint256", "streamId", 2)]
    public BigInteger StreamId { get; set; }
}

[Error("AuthorizationExpired")]
public sealed class AuthorizationExpiredError
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";
}

[Error("AuthorizationExceeded")]
public sealed class AuthorizationExceededError
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";

    [Parameter("uint256", "cap", 2)]
    public BigInteger Cap { get; set; }

    [Parameter("uint256", "spent", 3)]
    public BigInteger Spent { get; set; }

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }
}

[Error("InvalidAuthorizationSignature")]
public sealed class InvalidAuthorizationSignatureError
{
    [Parameter("address", "funder", 1)]
    public string Funder { get; set; } = "";
}
