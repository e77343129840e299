using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

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
