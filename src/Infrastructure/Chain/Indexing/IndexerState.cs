namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>The last block an indexer has fully applied (events at or below it are final).</summary>
public sealed class ChainCursor
{
    public string Name { get; set; } = "";

    public long ChainId { get; set; }

    public long LastBlock { get; set; }

    /// <summary>The timestamp of <see cref="LastBlock"/> (holdings are known up to this time).</summary>
    public DateTimeOffset? LastBlockTime { get; set; }
}

/// <summary>History: every change of a holding with its block time, so holders can be taken at any past record time.</summary>
public sealed class HoldingChange
{
    public long Id { get; set; }

    public long AssetTokenId { get; set; }

    public string Address { get; set; } = "";

    public long Block { get; set; }

    public long LogIndex { get; set; }

    public DateTimeOffset BlockTime { get; set; }

    public decimal Delta { get; set; }
}

/// <summary>Read model: fractions held per (asset id on chain, address), built from token events.</summary>
public sealed class AssetHolding
{
    public long AssetTokenId { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Fractions (integer; supply is below 2^96, stored as decimal(38,0) text-free on both providers).</summary>
    public decimal Balance { get; set; }

    public long UpdatedAtBlock { get; set; }
}
