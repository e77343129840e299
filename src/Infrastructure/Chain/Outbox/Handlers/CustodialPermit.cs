using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// An ERC-2612 permit signed by a custodial wallet (unlimited allowance, signed when the transaction
/// is built, with the owner's current permit nonce) and submitted by the operator: the wallet needs no gas.
/// </summary>
internal static class CustodialPermit
{
    private static readonly byte[] PermitTypeHash = Eip712.TypeHash("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    public static ValueTask<TransactionInput> BuildAsync(BuildContext context, string userId, string owner, string spender, CancellationToken cancellationToken) =>
        BuildAsync(context, userId, owner, spender, BigInteger.Pow(2, 256) - 1, DateTimeOffset.UtcNow.AddDays(1), cancellationToken);

    /// <summary>A permit for exactly <paramref name="value"/> (0 takes the allowance away), valid until <paramref name="validUntil"/>.</summary>
    public static async ValueTask<TransactionInput> BuildAsync(BuildContext context, string userId, string owner, string spender, BigInteger value, DateTimeOffset validUntil,
        CancellationToken cancellationToken)
    {
        var token = context.Contracts.TestUsd;
        var eth = context.Chain.Web3.Eth;
        var nonce = await eth.GetContractQueryHandler<NoncesFunction>().QueryAsync<BigInteger>(token, new NoncesFunction { Owner = owner });
        var domain = await eth.GetContractQueryHandler<DomainSeparatorFunction>().QueryAsync<byte[]>(token, new DomainSeparatorFunction());
        var deadline = new BigInteger(validUntil.ToUnixTimeSeconds());
        var key = await context.Wallets.UnlockForSigning(userId, cancellationToken);
        var signature = key.SignAndCalculateV(Digest(domain, owner, spender, value, nonce, deadline));
        return new PermitFunction
        {
            Owner = owner,
            Spender = spender,
            Value = value,
            Deadline = deadline,
            V = signature.V[0],
            R = Word(signature.R),
            S = Word(signature.S),
        }.CreateTransactionInput(token);
    }

    /// <summary>keccak256(0x1901 || domain separator || keccak256(abi.encode(typehash, owner, spender, value, nonce, deadline))).</summary>
    internal static byte[] Digest(byte[] domainSeparator, string owner, string spender, BigInteger value, BigInteger nonce, BigInteger deadline) =>
        Eip712.Digest(domainSeparator, PermitTypeHash,
            new Nethereum.ABI.ABIValue("address", owner),
            new Nethereum.ABI.ABIValue("address", spender),
            new Nethereum.ABI.ABIValue("uint256", value),
            new Nethereum.ABI.ABIValue("uint256", nonce),
            new Nethereum.ABI.ABIValue("uint256", deadline));

    internal static byte[] Word(byte[] value) => value.Length == 32 ? value : [.. new byte[32 - value.Length], .. value];
}
