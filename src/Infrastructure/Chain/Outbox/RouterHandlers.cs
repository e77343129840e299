using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The custodial wallet's capped ERC-2612 permit for the payout router (0 takes the allowance away).</summary>
internal sealed class AllowRouterSpendingHandler : SingleOperationHandler<AllowRouterSpendingOnChain>
{
    public override string Kind => AllowRouterSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        // A permit's deadline only bounds when it may be submitted: a revocation signed now must still be accepted.
        var validUntil = command.Deadline > DateTimeOffset.UtcNow.AddMinutes(10) ? command.Deadline : DateTimeOffset.UtcNow.AddDays(1);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Contracts.PayoutRouter, command.Cap, validUntil, cancellationToken);
    }
}

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

/// <summary>
/// Automatic payouts on the router, one transaction for several assets due at once (a failing row is
/// retried alone by the outbox). Few rows per transaction: each may carry a batch of holder pushes.
/// </summary>
internal sealed class ExecutePayoutHandler : IChainOperationHandler
{
    public string Kind => ExecutePayoutOnChain.KindName;

    public int MaxGroupSize => 5;

    public ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var payouts = rows.Select(r => JsonSerializer.Deserialize<ExecutePayoutOnChain>(r.Payload, PayloadJson.Options)!).Select(c => new PayoutTuple
        {
            AssetId = c.AssetTokenId,
            DepositFees = c.DepositFees,
            DepositToStream = c.DepositToStream,
            Funder = c.Funder ?? Nethereum.Util.AddressUtil.ZERO_ADDRESS,
            WalletFees = c.WalletFees,
            WalletToStream = c.WalletToStream,
            Split = StreamSplit.Of(c.StreamId, c.Payees, c.Bps, c.HoldersBps, context),
            FundHolders = c.FundHolders,
            Root = c.Root.HexToByteArray(),
            TotalEntitled = c.TotalEntitled,
            WithdrawPayees = c.WithdrawPayees.ToList(),
            Pushes = c.Pushes.Select(e => new PushEntryTuple { Index = e.Index, Account = e.Account, Cumulative = e.Cumulative }).ToList(),
            Proof = c.Proof.Select(p => p.HexToByteArray()).ToList(),
            ProofFlags = c.Flags.ToList(),
        }).ToList();
        return ValueTask.FromResult(new ExecutePayoutsFunction { Payouts = payouts, Treasury = context.Chain.OperatorAddress }.CreateTransactionInput(context.Contracts.PayoutRouter));
    }

    public string? DescribeResult(TransactionReceipt receipt) =>
        ChainResults.Write(new PayoutsExecutedResult(receipt.DecodeAllEvents<PayoutExecutedEvent>().Count,
            (long)receipt.DecodeAllEvents<WithdrawnEvent>().Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Amount),
            receipt.DecodeAllEvents<WithdrawalDeferredEvent>().Count));
}
