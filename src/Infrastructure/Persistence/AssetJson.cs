using System.Text.Json;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// JSON columns for an asset's kind-specific details and its revenue split. Reading goes back
/// through the domain factories, so a stored value is always a valid one.
/// </summary>
internal static class AssetJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record DetailsDto(
        AssetKind Kind,
        string? Address = null,
        string? PropertyType = null,
        long AppraisedValue = 0,
        long ExpectedAnnualRent = 0,
        string? Artist = null,
        string? Title = null,
        int Year = 0,
        string? Medium = null,
        string? Dimensions = null,
        string? Provenance = null,
        string? Track = null,
        string? Isrc = null,
        MusicRights Rights = MusicRights.Master,
        long ExpectedAnnualRoyalties = 0);

    private sealed record SplitDto(IReadOnlyList<SplitPayee> Payees, int HoldersBps);

    public static string WriteDetails(AssetDetails details) => JsonSerializer.Serialize(
        details switch
        {
            RealEstateDetails r => new DetailsDto(r.Kind, Address: r.Address, PropertyType: r.PropertyType, AppraisedValue: r.AppraisedValue.MinorUnits, ExpectedAnnualRent: r.ExpectedAnnualRent.MinorUnits),
            ArtDetails a => new DetailsDto(a.Kind, Artist: a.Artist, Title: a.Title, Year: a.Year, Medium: a.Medium, Dimensions: a.Dimensions, Provenance: a.Provenance),
            MusicRoyaltyDetails m => new DetailsDto(m.Kind, Artist: m.Artist, Track: m.Track, Isrc: m.Isrc, Rights: m.Rights, ExpectedAnnualRoyalties: m.ExpectedAnnualRoyalties.MinorUnits),
            _ => throw new ArgumentOutOfRangeException(nameof(details), details.GetType().Name, "Unknown asset details."),
        },
        Options);

    public static AssetDetails ReadDetails(string json)
    {
        var dto = JsonSerializer.Deserialize<DetailsDto>(json, Options) ?? throw new InvalidOperationException("Empty asset details.");
        var result = dto.Kind switch
        {
            AssetKind.RealEstate => RealEstateDetails.Create(dto.Address, dto.PropertyType, Money(dto.AppraisedValue), Money(dto.ExpectedAnnualRent)),
            AssetKind.Art => ArtDetails.Create(dto.Artist, dto.Title, dto.Year, dto.Medium, dto.Dimensions, dto.Provenance, DateTimeOffset.MaxValue),
            AssetKind.MusicRoyalty => MusicRoyaltyDetails.Create(dto.Artist, dto.Track, dto.Isrc, dto.Rights, Money(dto.ExpectedAnnualRoyalties)),
            _ => throw new InvalidOperationException($"Unknown asset kind {dto.Kind} in stored details."),
        };
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Stored asset details are invalid: {result.Error!.Message}");
    }

    public static string WriteSplit(RevenueSplit split) => JsonSerializer.Serialize(new SplitDto(split.Payees, split.HoldersBps), Options);

    public static RevenueSplit ReadSplit(string json)
    {
        var dto = JsonSerializer.Deserialize<SplitDto>(json, Options) ?? throw new InvalidOperationException("Empty revenue split.");
        var result = RevenueSplit.Create(dto.Payees, dto.HoldersBps);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Stored revenue split is invalid: {result.Error!.Message}");
    }

    private static Money Money(long units) => Domain.Common.Money.FromMinorUnits(units).Value;
}
