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
    Approved = 3,
    Rejected = 4,
}

public readonly record struct AssetId(Guid Value)
{
    public static AssetId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
