using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>What a handler may use to build a transaction: the contracts and the results of the operations it waited for.</summary>
public sealed record BuildContext(ContractAddresses Contracts, IReadOnlyDictionary<Guid, string?> DependencyResults)
{
    /// <summary>A number from the JSON result of the operation this one depends on.</summary>
    public BigInteger ResultNumber(ChainOperation row, string property)
    {
        if (row.DependsOn is not { } dependency || !DependencyResults.TryGetValue(dependency, out var json) || json is null)
        {
            throw new InvalidOperationException($"Operation {row.Id} needs the result '{property}' of the operation it depends on.");
        }

        using var document = JsonDocument.Parse(json);
        return BigInteger.Parse(document.RootElement.GetProperty(property).GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Turns outbox rows of one kind into one transaction. Groupable kinds put several rows in one call.</summary>
public interface IChainOperationHandler
{
    string Kind { get; }

    /// <summary>How many rows of this kind may share one transaction (1 = never grouped).</summary>
    int MaxGroupSize { get; }

    TransactionInput Build(IReadOnlyList<ChainOperation> rows, BuildContext context);

    /// <summary>JSON describing what the confirmed transaction produced (read from its receipt), or null.</summary>
    string? DescribeResult(TransactionReceipt receipt) => null;
}

internal abstract class SingleOperationHandler<TCommand> : IChainOperationHandler
    where TCommand : ChainCommand
{
    public abstract string Kind { get; }

    public int MaxGroupSize => 1;

    public TransactionInput Build(IReadOnlyList<ChainOperation> rows, BuildContext context) =>
        Build(rows[0], JsonSerializer.Deserialize<TCommand>(rows[0].Payload, PayloadJson.Options)!, context);

    protected abstract TransactionInput Build(ChainOperation row, TCommand command, BuildContext context);

    public virtual string? DescribeResult(TransactionReceipt receipt) => null;
}

internal sealed class RegisterInvestorHandler : IChainOperationHandler
{
    public string Kind => RegisterInvestorOnChain.KindName;

    public int MaxGroupSize => 100;

    public TransactionInput Build(IReadOnlyList<ChainOperation> rows, BuildContext context)
    {
        var commands = rows.Select(r => JsonSerializer.Deserialize<RegisterInvestorOnChain>(r.Payload, PayloadJson.Options)!).ToList();
        var message = new RegisterInvestorsFunction
        {
            Accounts = commands.Select(c => c.Address).ToList(),
            Countries = commands.Select(c => c.Country).ToList(),
            KycExpiries = commands.Select(c => (ulong)c.KycExpiry.ToUnixTimeSeconds()).ToList(),
        };
        return message.CreateTransactionInput(context.Contracts.Settlement);
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
        receipt.DecodeAllEvents<AssetCreatedEvent>() is [var created, ..] ? $"{{\"{CreateAssetOnChain.TokenIdKey}\":{created.Event.Id}}}" : null;
}

internal sealed class AnchorDocumentHandler : SingleOperationHandler<AnchorDocumentOnChain>
{
    public override string Kind => AnchorDocumentOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, AnchorDocumentOnChain command, BuildContext context) =>
        new AnchorDocumentFunction
        {
            Id = context.ResultNumber(row, CreateAssetOnChain.TokenIdKey),
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
            AssetId = context.ResultNumber(row, CreateAssetOnChain.TokenIdKey),
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
        receipt.DecodeAllEvents<StreamCreatedEvent>() is [var created, ..] ? $"{{\"streamId\":{created.Event.StreamId}}}" : null;
}
