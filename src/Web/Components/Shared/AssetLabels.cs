using MudBlazor;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Web.Components.Shared;

internal static class AssetLabels
{
    public static string Kind(AssetKind kind) => kind switch
    {
        AssetKind.RealEstate => "Real estate",
        AssetKind.Art => "Art",
        AssetKind.MusicRoyalty => "Music royalty",
        _ => kind.ToString(),
    };

    public static string Status(AssetStatus status) => status switch
    {
        AssetStatus.InReview => "In review",
        _ => status.ToString(),
    };

    public static Color StatusColor(AssetStatus status) => status switch
    {
        AssetStatus.Draft => Color.Default,
        AssetStatus.InReview => Color.Info,
        AssetStatus.Approved => Color.Info,
        AssetStatus.Live => Color.Success,
        AssetStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
