using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// What a handler may use to build a transaction: the contracts, the results of the operations it
/// waited for, chain reads and the custodial wallets (for permits their owners sign).
/// </summary>
public sealed record BuildContext(ContractAddresses Contracts, IReadOnlyDictionary<Guid, string?> DependencyResults, ChainClient Chain, Wallets.WalletService Wallets)
{
    /// <summary>The result of the operation this one depends on (e.g. the asset id its creation returned).</summary>
    public T Result<T>(ChainOperation row) where T : class
    {
        if (row.DependsOn is not { } dependency || !DependencyResults.TryGetValue(dependency, out var json)
            || ChainResults.Read<T>(json) is not { } result)
        {
            throw new InvalidOperationException($"Operation {row.Id} needs the {typeof(T).Name} of the operation it depends on.");
        }

        return result;
    }
}

/// <summary>Turns outbox rows of one kind into one transaction. Groupable kinds put several rows in one call.</summary>
public interface IChainOperationHandler
{
    string Kind { get; }

    /// <summary>How many rows of this kind may share one transaction (1 = never grouped).</summary>
    int MaxGroupSize { get; }

    ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken);

    /// <summary>JSON describing what the confirmed transaction produced (read from its receipt), or null.</summary>
    string? DescribeResult(TransactionReceipt receipt) => null;
}

internal abstract class SingleOperationHandler<TCommand> : IChainOperationHandler
    where TCommand : ChainCommand
{
    public abstract string Kind { get; }

    public int MaxGroupSize => 1;

    public virtual ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Build(rows[0], Payload(rows[0]), context));

    protected static TCommand Payload(ChainOperation row) => JsonSerializer.Deserialize<TCommand>(row.Payload, PayloadJson.Options)!;

    protected virtual TransactionInput Build(ChainOperation row, TCommand command, BuildContext context) =>
        throw new NotSupportedException($"{GetType().Name} builds asynchronously.");

    public virtual string? DescribeResult(TransactionReceipt receipt) => null;
}

internal sealed class RegisterInvestorHandler : IChainOperationHandler
{
    public string Kind => RegisterInvestorOnChain.KindName;

    public int MaxGroupSize => 100;

    public ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var commands = rows.Select(r => JsonSerializer.Deserialize<RegisterInvestorOnChain>(r.Payload, PayloadJson.Options)!).ToList();
        var message = new RegisterInvestorsFunction
        {
            Accounts = commands.Select(c => c.Address).ToList(),
            Countries = commands.Select(c => c.Country).ToList(),
            KycExpiries = commands.Select(c => (ulong)c.KycExpiry.ToUnixTimeSeconds()).ToList(),
        };
        return ValueTask.FromResult(message.CreateTransactionInput(context.Contracts.Settlement));
    }
}

internal sealed class MintTestStablecoinHandler : SingleOperationHandler<MintTestStablecoin>
{
    public override string Kind => MintTestStablecoin.KindName;

    protected override TransactionInput Build(ChainOperation row, MintTestStablecoin command, BuildContext context) =>
        new MintFunction { To = command.Address, Amount = new BigInteger(command.AmountMinorUnits) }.CreateTransactionInput(context.Contracts.TestUsd);
}

internal sealed class CreateAssetHandler : SingleOperationHandler<CreateAssetOnChain>
{
    public override string Kind => CreateAssetOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateAssetOnChain command, BuildContext context) =>
        new CreateAssetFunction
        {
            Terms = new AssetTermsTuple
            {
                Issuer = command.Issuer,
                Holder = context.Contracts.PrimarySale,
                Supply = command.Supply,
                MaxHolding = command.MaxHolding,
                LockupEnd = command.LockupEnd is { } end ? (ulong)end.ToUnixTimeSeconds() : 0,
                RoyaltyReceiver = command.RoyaltyBps > 0 ? context.Contracts.RoyaltySplitter : "0x0000000000000000000000000000000000000000",
                RoyaltyBps = command.RoyaltyBps,
            },
        }.CreateTransactionInput(context.Contracts.AssetToken);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<AssetCreatedEvent>() is [var created, ..] ? ChainResults.Write(new AssetCreatedResult((long)created.Event.Id)) : null;
}

internal sealed class AnchorDocumentHandler : SingleOperationHandler<AnchorDocumentOnChain>
{
    public override string Kind => AnchorDocumentOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, AnchorDocumentOnChain command, BuildContext context) =>
        new AnchorDocumentFunction
        {
            Id = context.Result<AssetCreatedResult>(row).AssetTokenId,
            Name = command.Name,
            Uri = command.Uri,
            Sha256Hash = command.Sha256Hex.HexToByteArray(),
        }.CreateTransactionInput(context.Contracts.AssetToken);
}

internal sealed class OpenOfferingHandler : SingleOperationHandler<OpenOfferingOnChain>
{
    public override string Kind => OpenOfferingOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, OpenOfferingOnChain command, BuildContext context) =>
        new OpenOfferingFunction
        {
            AssetId = context.Result<AssetCreatedResult>(row).AssetTokenId,
            Price = command.PricePerFraction,
            MinPurchase = command.MinimumPurchase,
            Start = (ulong)command.Start.ToUnixTimeSeconds(),
            End = (ulong)command.End.ToUnixTimeSeconds(),
        }.CreateTransactionInput(context.Contracts.PrimarySale);
}

internal sealed class CreateRoyaltyStreamHandler : SingleOperationHandler<CreateRoyaltyStreamOnChain>
{
    public override string Kind => CreateRoyaltyStreamOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, CreateRoyaltyStreamOnChain command, BuildContext context) =>
        new CreateStreamFunction
        {
            Payees = command.HoldersBps > 0 ? [.. command.Payees, context.Contracts.HolderDistributor] : command.Payees.ToList(),
            Bps = command.HoldersBps > 0 ? [.. command.Bps, command.HoldersBps] : command.Bps.ToList(),
        }.CreateTransactionInput(context.Contracts.RoyaltySplitter);

    public override string? DescribeResult(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<StreamCreatedEvent>() is [var created, ..] ? ChainResults.Write(new StreamCreatedResult((long)created.Event.StreamId)) : null;
}

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

/// <summary>Lets the primary sale draw the investor's stablecoin (purchases without gas).</summary>
internal sealed class AllowSaleSpendingHandler : SingleOperationHandler<AllowSaleSpendingOnChain>
{
    public override string Kind => AllowSaleSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Contracts.PrimarySale, cancellationToken);
    }
}

/// <summary>Lets the operator draw a funder's stablecoin (distributions without gas).</summary>
internal sealed class AllowOperatorSpendingHandler : SingleOperationHandler<AllowOperatorSpendingOnChain>
{
    public override string Kind => AllowOperatorSpendingOnChain.KindName;

    public override ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var command = Payload(rows[0]);
        return CustodialPermit.BuildAsync(context, command.UserId, command.Owner, context.Chain.OperatorAddress, cancellationToken);
    }
}

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
