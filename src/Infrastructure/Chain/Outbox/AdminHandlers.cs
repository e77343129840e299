using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>Applies one on-chain fee parameter of a schedule version to the contract that enforces it.</summary>
internal sealed class SetFeeParameterHandler : SingleOperationHandler<SetFeeParameterOnChain>
{
    public override string Kind => SetFeeParameterOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, SetFeeParameterOnChain command, BuildContext context) => command.Parameter switch
    {
        FeeParameter.PrimaryCommission => new SetCommissionFunction { CommissionBps = command.Bps }.CreateTransactionInput(context.Contracts.PrimarySale),
        FeeParameter.TradingFeeCap => new SetTradingFeeCapFunction { CapBps = command.Bps }.CreateTransactionInput(context.Contracts.Settlement),
        FeeParameter.ResaleRoyaltyCap => new SetRoyaltyCapFunction { CapBps = command.Bps }.CreateTransactionInput(context.Contracts.AssetToken),
        _ => throw new InvalidOperationException($"Unknown fee parameter {command.Parameter}."),
    };
}

internal sealed class SetAssetPausedHandler : SingleOperationHandler<SetAssetPausedOnChain>
{
    public override string Kind => SetAssetPausedOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, SetAssetPausedOnChain command, BuildContext context) =>
        new SetAssetPausedFunction { Id = command.AssetTokenId, Paused = command.Paused }.CreateTransactionInput(context.Contracts.AssetToken);
}

internal sealed class SetFrozenHandler : SingleOperationHandler<SetFrozenOnChain>
{
    public override string Kind => SetFrozenOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, SetFrozenOnChain command, BuildContext context) =>
        new SetFrozenFunction { Account = command.Address, Frozen = command.Frozen }.CreateTransactionInput(context.Contracts.Settlement);
}

internal sealed class ForcedTransferHandler : SingleOperationHandler<ForcedTransferOnChain>
{
    public override string Kind => ForcedTransferOnChain.KindName;

    protected override TransactionInput Build(ChainOperation row, ForcedTransferOnChain command, BuildContext context) =>
        new ForcedTransferFunction { From = command.From, To = command.To, Id = command.AssetTokenId, Amount = command.Amount, Reason = command.Reason }
            .CreateTransactionInput(context.Contracts.AssetToken);
}
