using System.Text.RegularExpressions;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>What an issuer tells investors about the asset, by kind. Built only through the Create methods.</summary>
public abstract record AssetDetails
{
    public abstract AssetKind Kind { get; }

    protected static string Clean(string? value) => (value ?? "").Trim();
}

public sealed record RealEstateDetails : AssetDetails
{
    private RealEstateDetails(string address, string propertyType, Money appraisedValue, Money expectedAnnualRent)
    {
        Address = address;
        PropertyType = propertyType;
        AppraisedValue = appraisedValue;
        ExpectedAnnualRent = expectedAnnualRent;
    }

    public override AssetKind Kind => AssetKind.RealEstate;

    public string Address { get; }

    public string PropertyType { get; }

    public Money AppraisedValue { get; }

    public Money ExpectedAnnualRent { get; }

    public static Result<AssetDetails> Create(string? address, string? propertyType, Money appraisedValue, Money expectedAnnualRent)
    {
        var errors = new FieldErrors()
            .Required(address, nameof(Address), "The address")
            .Length(address, 5, 200, nameof(Address), "The address")
            .Required(propertyType, nameof(PropertyType), "The property type")
            .When(appraisedValue.MinorUnits <= 0, nameof(AppraisedValue), "The appraised value must be positive.");
        return errors.Errors.Count > 0
            ? Result<AssetDetails>.Invalid(errors.Errors)
            : new RealEstateDetails(Clean(address), Clean(propertyType), appraisedValue, expectedAnnualRent);
    }
}

public sealed record ArtDetails : AssetDetails
{
    private ArtDetails(string artist, string title, int year, string medium, string dimensions, string provenance)
    {
        Artist = artist;
        Title = title;
        Year = year;
        Medium = medium;
        Dimensions = dimensions;
        Provenance = provenance;
    }

    public override AssetKind Kind => AssetKind.Art;

    public string Artist { get; }

    public string Title { get; }

    public int Year { get; }

    public string Medium { get; }

    public string Dimensions { get; }

    public string Provenance { get; }

    public static Result<AssetDetails> Create(string? artist, string? title, int year, string? medium, string? dimensions, string? provenance, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Required(artist, nameof(Artist), "The artist")
            .Required(title, nameof(Title), "The title")
            .When(year < 1000 || year > now.Year, nameof(Year), $"Enter a year between 1000 and {now.Year}.")
            .Required(medium, nameof(Medium), "The medium")
            .Required(dimensions, nameof(Dimensions), "The dimensions")
            .Length(provenance, 0, 2000, nameof(Provenance), "The provenance");
        return errors.Errors.Count > 0
            ? Result<AssetDetails>.Invalid(errors.Errors)
            : new ArtDetails(Clean(artist), Clean(title), year, Clean(medium), Clean(dimensions), Clean(provenance));
    }
}

public enum MusicRights
{
    Master = 1,
    Publishing = 2,
}

public sealed partial record MusicRoyaltyDetails : AssetDetails
{
    private MusicRoyaltyDetails(string artist, string track, string isrc, MusicRights rights, Money expectedAnnualRoyalties)
    {
        Artist = artist;
        Track = track;
        Isrc = isrc;
        Rights = rights;
        ExpectedAnnualRoyalties = expectedAnnualRoyalties;
    }

    public override AssetKind Kind => AssetKind.MusicRoyalty;

    public string Artist { get; }

    public string Track { get; }

    /// <summary>International Standard Recording Code, normalized: 12 characters, no hyphens, upper case.</summary>
    public string Isrc { get; }

    public MusicRights Rights { get; }

    public Money ExpectedAnnualRoyalties { get; }

    /// <summary>CC-XXX-YY-NNNNN: country (2 letters), registrant (3 alphanumerics), year (2 digits), designation (5 digits).</summary>
    public static string? NormalizeIsrc(string? isrc)
    {
        var compact = Clean(isrc).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return IsrcPattern().IsMatch(compact) ? compact : null;
    }

    public static Result<AssetDetails> Create(string? artist, string? track, string? isrc, MusicRights rights, Money expectedAnnualRoyalties)
    {
        var normalized = NormalizeIsrc(isrc);
        var errors = new FieldErrors()
            .Required(artist, nameof(Artist), "The artist")
            .Required(track, nameof(Track), "The track")
            .When(normalized is null, nameof(Isrc), "Enter an ISRC such as US-RC1-76-07839 (country, registrant, year, 5 digits).")
            .When(!Enum.IsDefined(rights), nameof(Rights), "Choose master or publishing rights.");
        return errors.Errors.Count > 0
            ? Result<AssetDetails>.Invalid(errors.Errors)
            : new MusicRoyaltyDetails(Clean(artist), Clean(track), normalized!, rights, expectedAnnualRoyalties);
    }

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$")]
    private static partial Regex IsrcPattern();
}
