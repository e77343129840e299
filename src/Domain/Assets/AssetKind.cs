namespace TokenPlatform.Domain.Assets;

public enum AssetKind
{
    RealEstate = 1,
    Art = 2,
    MusicRoyalty = 3,
}

public enum AssetStatus
{
    Draft = 1,
    InReview = 2,
    /// <summary>Approved by an admin: its chain operations are queued or running.</summary>
    Approved = 3,
    Rejected = 4,

    /// <summary>Created on chain and open to investors.</summary>
    Live = 5,
}

public static class AssetStatusRules
{
    /// <summary>Drafts and rejected assets are editable by their issuer (editing a rejected one reopens it).</summary>
    public static bool IsEditable(this AssetStatus status) => status is AssetStatus.Draft or AssetStatus.Rejected;
}

public readonly record struct AssetId(Guid Value)
{
    public static AssetId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
