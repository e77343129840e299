namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>The last block an indexer has fully applied (events at or below it are final).</summary>
public sealed class ChainCursor
{
    public string Name { get; set; } = "";

    public long ChainId { get; set; }

    public long LastBlock { get; set; }
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
