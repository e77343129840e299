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
