using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class PushPayoutsHandler : SingleOperationHandler<PushPayoutsOnChain>
{
    public override string Kind => PushPayoutsOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, PushPayoutsOnChain command, BuildContext context) =>
        new PushFunction
        {
            AssetId = command.AssetTokenId,
            Entries = command.Entries.Select(e => new PushEntryTuple { Index = e.Index, Account = e.Account, Cumulative = e.Cumulative }).ToList(),
            Proof = command.Proof.Select(p => p.HexToByteArray()).ToList(),
            ProofFlags = command.Flags.ToList(),
        }.CreateTransactionInput(context.Contracts.HolderDistributor);
}
