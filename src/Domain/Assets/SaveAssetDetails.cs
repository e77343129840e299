using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>Kind-specific description entered in the wizard's first step (amounts in stablecoin minor units).</summary>
public sealed record AssetDetailsInput(
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

public static class AssetDetailsFactory
{
    /// <summary>Builds the details of an asset of <paramref name="kind"/> from the wizard's (or the store's) flat input.</summary>
    public static Result<AssetDetails> Create(AssetKind kind, AssetDetailsInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        return kind switch
        {
            AssetKind.RealEstate => RealEstateDetails.Create(input.Address, input.PropertyType, Units(input.AppraisedValue), Units(input.ExpectedAnnualRent)),
            AssetKind.Art => ArtDetails.Create(input.Artist, input.Title, input.Year, input.Medium, input.Dimensions, input.Provenance, now),
            AssetKind.MusicRoyalty => MusicRoyaltyDetails.Create(input.Artist, input.Track, input.Isrc, input.Rights, Units(input.ExpectedAnnualRoyalties)),
            _ => Error.Validation("Kind", "Unknown asset kind."),
        };
    }

    /// <summary>The flat form of existing details (for editing and storage).</summary>
    public static AssetDetailsInput ToInput(AssetDetails details) => details switch
    {
        RealEstateDetails r => new AssetDetailsInput(Address: r.Address, PropertyType: r.PropertyType, AppraisedValue: r.AppraisedValue.MinorUnits, ExpectedAnnualRent: r.ExpectedAnnualRent.MinorUnits),
        ArtDetails a => new AssetDetailsInput(Artist: a.Artist, Title: a.Title, Year: a.Year, Medium: a.Medium, Dimensions: a.Dimensions, Provenance: a.Provenance),
        MusicRoyaltyDetails m => new AssetDetailsInput(Artist: m.Artist, Track: m.Track, Isrc: m.Isrc, Rights: m.Rights, ExpectedAnnualRoyalties: m.ExpectedAnnualRoyalties.MinorUnits),
        _ => throw new ArgumentOutOfRangeException(nameof(details), details?.GetType().Name, "Unknown asset details."),
    };

    private static Money Units(long value) => Money.FromMinorUnits(Math.Max(0, value)).Value;

}

public sealed record SaveAssetDetails(string IssuerId, AssetId AssetId, AssetDetailsInput Details) : ICommand<Result<AssetId>>;

public sealed class SaveAssetDetailsHandler(IAssetRepository assets, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SaveAssetDetails, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(SaveAssetDetails command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value;
        var now = clock.GetUtcNow();
        var details = AssetDetailsFactory.Create(asset.Kind, command.Details, now);
        if (!details.IsSuccess)
        {
            return details.Error!;
        }

        if (details.Value is MusicRoyaltyDetails music && await assets.IsIsrcTakenAsync(music.Isrc, asset.Id, cancellationToken))
        {
            return Error.Validation(nameof(MusicRoyaltyDetails.Isrc), $"ISRC {music.Isrc} is already tokenized on the platform.");
        }

        var updated = asset.SetDetails(details.Value, now);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return asset.Id;
    }
}
