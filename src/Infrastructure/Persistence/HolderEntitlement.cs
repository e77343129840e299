namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>A holder's permanent leaf in an asset's cumulative entitlement tree.</summary>
public sealed class HolderEntitlement
{
    public long AssetTokenId { get; set; }

    public int Index { get; set; }

    public string Address { get; set; } = "";

    public long Cumulative { get; set; }
}
