using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// The custodial wallet signs its standing authorization (EIP-712, with the router's nonce for it, read
/// when the transaction is built) and the operator relays it: the router enforces cap and expiry.
/// </summary>
internal sealed class SetFundingAuthorizationHandler : SingleOperationHandler<SetFundingAuthorizationOnChain>
{
    private static readonly byte[] TypeHash = Eip712.TypeHash("FundingAuthorization(address funder,uint256 cap,uint256 expiry,uint256 nonce)");

    public override string Kind => SetFundingAuthorizationOnChain.KindName;

    public override async ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        var router = context.Contracts.PayoutRouter;
        var eth = context.Chain.Web3.Eth;
        var nonce = await eth.GetContractQueryHandler<RouterNoncesFunction>().QueryAsync<BigInteger>(router, new RouterNoncesFunction { Owner = command.Funder });
        var domain = await eth.GetContractQueryHandler<RouterDomainSeparatorFunction>().QueryAsync<byte[]>(router, new RouterDomainSeparatorFunction());
        var expiry = new BigInteger(command.Cap == 0 ? 0 : command.ExpiresAt.ToUnixTimeSeconds());
        var key = await context.Wallets.UnlockForSigning(command.UserId, cancellationToken);
        var signature = key.SignAndCalculateV(Digest(domain, command.Funder, command.Cap, expiry, nonce));
        return new SetAuthorizationFunction
        {
            Funder = command.Funder,
            Cap = command.Cap,
            Expiry = expiry,
            Signature = [.. CustodialPermit.Word(signature.R), .. CustodialPermit.Word(signature.S), signature.V[0]],
        }.CreateTransactionInput(router);
    }

    /// <summary>keccak256(0x1901 || domain separator || keccak256(abi.encode(typehash, funder, cap, expiry, nonce))).</summary>
    internal static byte[] Digest(byte[] domainSeparator, string funder, BigInteger cap, BigInteger expiry, BigInteger nonce) =>
        Eip712.Digest(domainSeparator, TypeHash,
            new Nethereum.ABI.ABIValue("address", funder),
            new Nethereum.ABI.ABIValue("uint256", cap),
            new Nethereum.ABI.ABIValue("uint256", expiry),
            new Nethereum.ABI.ABIValue("uint256", nonce));
}
