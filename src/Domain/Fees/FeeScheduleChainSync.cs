using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Fees;

/// <summary>Queues the on-chain fee parameters of a schedule version: commission, trading fee cap, royalty cap (one chain of operations).</summary>
public sealed class FeeScheduleChainSync(IChainOutbox outbox)
{
    public async Task QueueAsync(FeeSchedule schedule, CancellationToken cancellationToken)
    {
        var commission = await outbox.EnqueueAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.PrimaryCommission, (ushort)schedule.PrimaryCommission.Value), OperationKeys.FeeParameter(schedule.Id, "commission"), cancellationToken);
        var trading = await outbox.EnqueueAfterAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.TradingFeeCap, (ushort)schedule.TradingFee.Value), OperationKeys.FeeParameter(schedule.Id, "trading-cap"), commission.Id, cancellationToken);
        var royalty = await outbox.EnqueueAfterAsync(new SetFeeParameterOnChain(schedule.Id, FeeParameter.ResaleRoyaltyCap, (ushort)schedule.ResaleRoyaltyCap.Value), OperationKeys.FeeParameter(schedule.Id, "royalty-cap"), trading.Id, cancellationToken);
        schedule.QueuedOnChain(royalty.Id);
    }
}
