using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// Executes an accepted purchase: the custodial wallet signs an EIP-712 purchase order (nonce = the
/// purchase id, so it can execute once) that the operator relays to PrimarySale.buyFor.
/// </summary>
internal sealed class BuyFractionsHandler : SingleOperationHandler<BuyFractionsOnChain>
{
    private static readonly byte[] OrderTypeHash = Eip712.TypeHash("PurchaseOrder(address buyer,uint256 assetId,uint256 quantity,uint16 commissionBps,uint256 nonce,uint256 deadline)");

    public override string Kind => BuyFractionsOnChain.KindName;

    public override async ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        var order = new PurchaseOrderTuple
        {
            Buyer = command.Buyer,
            AssetId = command.AssetTokenId,
            Quantity = command.Quantity,
            CommissionBps = command.CommissionBps,
            Nonce = new BigInteger(command.PurchaseId.ToByteArray(), isUnsigned: true),
            Deadline = new BigInteger(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()),
        };
        var domain = await context.Chain.Web3.Eth.GetContractQueryHandler<SaleDomainSeparatorFunction>()
            .QueryAsync<byte[]>(context.Contracts.PrimarySale, new SaleDomainSeparatorFunction());
        var key = await context.Wallets.UnlockForSigning(command.UserId, cancellationToken);
        var signature = key.SignAndCalculateV(Digest(domain, order));
        return new BuyForFunction
        {
            Order = order,
            Signature = [.. Word(signature.R), .. Word(signature.S), signature.V[0]],
        }.CreateTransactionInput(context.Contracts.PrimarySale);
    }

    /// <summary>keccak256(0x1901 || domain separator || keccak256(abi.encode(typehash, order fields))).</summary>
    internal static byte[] Digest(byte[] domainSeparator, PurchaseOrderTuple order) =>
        Eip712.Digest(domainSeparator, OrderTypeHash,
            new Nethereum.ABI.ABIValue("address", order.Buyer),
            new Nethereum.ABI.ABIValue("uint256", order.AssetId),
            new Nethereum.ABI.ABIValue("uint256", order.Quantity),
            new Nethereum.ABI.ABIValue("uint16", order.CommissionBps),
            new Nethereum.ABI.ABIValue("uint256", order.Nonce),
            new Nethereum.ABI.ABIValue("uint256", order.Deadline));

    private static byte[] Word(byte[] value) => value.Length == 32 ? value : [.. new byte[32 - value.Length], .. value];

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<PurchasedEvent>() is [var bought, ..]
            ? ChainResults.Write(new PurchaseResult((long)bought.Event.Quantity, (long)bought.Event.Cost, (long)bought.Event.Commission))
            : null;
}
