using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

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
