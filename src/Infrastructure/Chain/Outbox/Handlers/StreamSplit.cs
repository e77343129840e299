using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The stream's stored split as the splitter hashes it: the payees, then the holder distributor with the holders' share.</summary>
internal static class StreamSplit
{
    public static StreamDistributionTuple Of(long streamId, IReadOnlyList<string> payees, IReadOnlyList<ushort> bps, ushort holdersBps, BuildContext context) => new()
    {
        StreamId = streamId,
        Payees = holdersBps > 0 ? [.. payees, context.Contracts.HolderDistributor] : payees.ToList(),
        Bps = holdersBps > 0 ? [.. bps, holdersBps] : bps.ToList(),
    };
}
