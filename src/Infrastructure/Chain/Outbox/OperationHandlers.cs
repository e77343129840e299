using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Turns outbox rows of one kind into one transaction. Groupable kinds put several rows in one call.</summary>
public interface IChainOperationHandler
{
    string Kind { get; }

    /// <summary>How many rows of this kind may share one transaction (1 = never grouped).</summary>
    int MaxGroupSize { get; }

    TransactionInput Build(IReadOnlyList<ChainOperation> rows, ContractAddresses contracts);
}

internal sealed class RegisterInvestorHandler : IChainOperationHandler
{
    public string Kind => RegisterInvestorOnChain.KindName;

    public int MaxGroupSize => 100;

    public TransactionInput Build(IReadOnlyList<ChainOperation> rows, ContractAddresses contracts)
    {
        var commands = rows.Select(r => JsonSerializer.Deserialize<RegisterInvestorOnChain>(r.Payload, PayloadJson.Options)!).ToList();
        var message = new RegisterInvestorsFunction
        {
            Accounts = commands.Select(c => c.Address).ToList(),
            Countries = commands.Select(c => c.Country).ToList(),
            KycExpiries = commands.Select(c => (ulong)c.KycExpiry.ToUnixTimeSeconds()).ToList(),
        };
        return message.CreateTransactionInput(contracts.Settlement);
    }
}

internal sealed class MintTestStablecoinHandler : IChainOperationHandler
{
    public string Kind => MintTestStablecoin.KindName;

    public int MaxGroupSize => 1;

    public TransactionInput Build(IReadOnlyList<ChainOperation> rows, ContractAddresses contracts)
    {
        var command = JsonSerializer.Deserialize<MintTestStablecoin>(rows[0].Payload, PayloadJson.Options)!;
        return new MintFunction { To = command.Address, Amount = new BigInteger(command.AmountMinorUnits) }.CreateTransactionInput(contracts.TestUsd);
    }
}
