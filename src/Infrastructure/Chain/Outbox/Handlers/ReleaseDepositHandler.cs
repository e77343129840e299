using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// Releases assets' deposits: fees to the treasury (the operator), the rest into each stream. Several
/// assets due at once share one transaction (releaseMany; a bad row is retried alone by the outbox).
/// </summary>
internal sealed class ReleaseDepositHandler : IChainOperationHandler
{
    public string Kind => ReleaseDepositOnChain.KindName;

    public int MaxGroupSize => 20;

    public ValueTask<TransactionInput> BuildAsync(IReadOnlyList<ChainOperation> rows, BuildContext context, CancellationToken cancellationToken)
    {
        var commands = rows.Select(r => System.Text.Json.JsonSerializer.Deserialize<ReleaseDepositOnChain>(r.Payload, PayloadJson.Options)!).ToList();
        return ValueTask.FromResult(commands.Count == 1
            ? new ReleaseDepositFunction { AssetId = commands[0].AssetTokenId, Treasury = context.Chain.OperatorAddress, Fees = commands[0].Fees, ToStream = commands[0].ToStream }
                .CreateTransactionInput(context.Contracts.RevenueReceivers)
            : new ReleaseManyFunction
            {
                Releases = commands.Select(c => new ReleaseTuple { AssetId = c.AssetTokenId, Fees = c.Fees, ToStream = c.ToStream }).ToList(),
                Treasury = context.Chain.OperatorAddress,
            }.CreateTransactionInput(context.Contracts.RevenueReceivers));
    }
}
