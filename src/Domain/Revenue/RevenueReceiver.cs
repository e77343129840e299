using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Revenue;

/// <summary>
/// An asset's deposit address: a receiver contract bound to the asset's revenue stream. Anyone pays
/// the asset's revenue by a plain stablecoin transfer to it; the indexer records each transfer as a
/// revenue event, and distributions release it through the waterfall. The address is known (and shown)
/// before the receiver is created on chain: what arrives earlier is kept.
/// </summary>
public sealed class RevenueReceiver
{
    private RevenueReceiver()
    {
        Address = "";
    }

    public RevenueReceiver(AssetId assetId, long onChainTokenId, long streamId, string address, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        AssetId = assetId;
        OnChainTokenId = onChainTokenId;
        StreamId = streamId;
        Address = address;
        CreatedAt = createdAt;
    }

    public AssetId AssetId { get; private set; }

    public long OnChainTokenId { get; private set; }

    public long StreamId { get; private set; }

    /// <summary>Checksummed address of the receiver.</summary>
    public string Address { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the chain confirmed the receiver contract's creation: deposits can be released from then on.</summary>
    public DateTimeOffset? DeployedAt { get; private set; }

    /// <summary>Called when the chain confirmed the receiver's creation (true when it was news).</summary>
    public bool RecordDeployed(DateTimeOffset confirmedAt)
    {
        if (DeployedAt is not null)
        {
            return false;
        }

        DeployedAt = confirmedAt;
        return true;
    }

    /// <summary>
    /// The revenue event reference of one deposit: its transaction and its rank among that transaction's
    /// deposits (0 for a plain transfer). Not the log's index in its block: a reorg that mines the same
    /// transaction in another block (or after other transactions) keeps the reference, so it stays one event.
    /// </summary>
    public static string DepositReference(string transactionHash, long rankInTransaction) => $"deposit:{transactionHash.ToLowerInvariant()}:{rankInTransaction}";

    /// <summary>Each deposit's rank among the deposits of its own transaction, in log order.</summary>
    public static IReadOnlyList<int> RanksInTransaction(IReadOnlyList<(string TransactionHash, long LogIndex)> deposits)
    {
        ArgumentNullException.ThrowIfNull(deposits);
        var ranks = new int[deposits.Count];
        foreach (var group in deposits.Select((d, i) => (d, i)).GroupBy(x => x.d.TransactionHash, StringComparer.OrdinalIgnoreCase))
        {
            var rank = 0;
            foreach (var (_, i) in group.OrderBy(x => x.d.LogIndex))
            {
                ranks[i] = rank++;
            }
        }

        return ranks;
    }

    /// <summary>What a deposit is taken for, by the asset's kind (the payer is not asked).</summary>
    public static RevenueSource SourceFor(AssetKind kind) => kind switch
    {
        AssetKind.MusicRoyalty => RevenueSource.Streaming,
        AssetKind.RealEstate => RevenueSource.Rent,
        AssetKind.Art => RevenueSource.Sale,
        _ => RevenueSource.Other,
    };
}
