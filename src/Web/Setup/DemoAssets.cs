using Mediator;
using Microsoft.AspNetCore.Identity;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Identity;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Development only: on the first run, the demo issuer tokenizes one asset of each kind (with a
/// photo and a document) and the platform approves them, so their creation runs live on the
/// managed chain through the normal outbox.
/// </summary>
internal sealed partial class DemoAssets(ISender sender, UserManager<ApplicationUser> users, IAssetRepository assets, TimeProvider clock, ILogger<DemoAssets> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var issuer = await users.FindByEmailAsync("issuer@demo.local");
        if (issuer is null)
        {
            return;
        }

        // Each demo asset is created once (by name), so a restart or a second call adds nothing.
        var existing = (await assets.ListByIssuerAsync(issuer.Id, cancellationToken)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        var now = clock.GetUtcNow();
        var payee = (await users.FindByEmailAsync("creator@demo.local"))?.Id;
        var creatorWallet = payee is null ? null : (await sender.Send(new Domain.Wallets.GetMyWallet(payee), cancellationToken)) is { IsSuccess: true } w ? w.Value.Address : null;
        var manager = "0x" + new string('7', 40);
        await CreateAsync(existing, issuer.Id, AssetKind.RealEstate, "12 Rue des Lilas, Lyon",
            new AssetDetailsInput(Address: "12 Rue des Lilas, 69003 Lyon, France", PropertyType: "Apartment", AppraisedValue: 650_000 * Money.UnitsPerWhole, ExpectedAnnualRent: 31_200 * Money.UnitsPerWhole),
            (20_000, 32_500_000, 10, 1_000, 0),
            [new SplitPayee("Lilas Property Management", PayeeRole.PropertyManager, manager, 800)], 9_200,
            ((40, 70, 140), (200, 170, 120)), now, cancellationToken);
        await CreateAsync(existing, issuer.Id, AssetKind.Art, "Blue Horse (study)",
            new AssetDetailsInput(Artist: "Elena Marlowe", Title: "Blue Horse (study)", Year: 1998, Medium: "Oil on canvas", Dimensions: "92 x 73 cm", Provenance: "Atelier Marlowe; private collection, Geneva"),
            (5_000, 100_000_000, 1, 2_000, 500),
            [new SplitPayee("Elena Marlowe", PayeeRole.Artist, creatorWallet ?? manager, 1_500)], 8_500,
            ((20, 40, 120), (90, 160, 220)), now, cancellationToken);
        await CreateAsync(existing, issuer.Id, AssetKind.MusicRoyalty, "Night Drive (master)",
            new AssetDetailsInput(Artist: "Nova", Track: "Night Drive", Isrc: "FR-TPL-26-00001", Rights: MusicRights.Master, ExpectedAnnualRoyalties: 48_000 * Money.UnitsPerWhole),
            (10_000, 25_000_000, 4, 1_000, 750),
            [new SplitPayee("Nova", PayeeRole.Artist, creatorWallet ?? manager, 3_000), new SplitPayee("Kai (producer)", PayeeRole.Producer, "0x" + new string('8', 40), 1_000)], 6_000,
            ((60, 20, 90), (230, 90, 140)), now, cancellationToken);
        await VerifyDemoInvestorAsync(cancellationToken);
        LogSeeded(logger);
    }

    /// <summary>The demo investor is verified (KYC approved, registered on chain) and funded, so a newcomer can buy at once.</summary>
    private async Task VerifyDemoInvestorAsync(CancellationToken cancellationToken)
    {
        var investor = await users.FindByEmailAsync("investor@demo.local");
        if (investor is null || await sender.Send(new Domain.Investors.GetMyKyc(investor.Id), cancellationToken) is not null)
        {
            return;
        }

        await using (var idCard = new MemoryStream(DemoFiles.Png(320, 200, (200, 200, 210), (120, 130, 160))))
        {
            var kyc = Expect(await sender.Send(new Domain.Investors.SubmitKyc(investor.Id, "Ivy Investor", "PT", new DateOnly(1990, 4, 21), "demo-id-card.png", "image/png", idCard.Length, idCard), cancellationToken));
            Expect(await sender.Send(new Domain.Investors.ApproveKyc(kyc.Id, "system"), cancellationToken));
        }

        Expect(await sender.Send(new Domain.Investors.RequestTestFunds(investor.Id), cancellationToken));
    }

    private async Task CreateAsync(
        HashSet<string> existingNames, string issuerId, AssetKind kind, string name, AssetDetailsInput details, (long Supply, long Price, long Minimum, int MaxHoldingBps, int RoyaltyBps) terms,
        IReadOnlyList<SplitPayee> payees, int holdersBps, ((byte, byte, byte) From, (byte, byte, byte) To) colours, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (existingNames.Contains(name))
        {
            return;
        }

        var id = Expect(await sender.Send(new CreateAssetDraft(issuerId, kind, name), cancellationToken));
        Expect(await sender.Send(new SaveAssetDetails(issuerId, id, details), cancellationToken));
        await using (var photo = new MemoryStream(DemoFiles.Png(480, 300, colours.From, colours.To)))
        {
            Expect(await sender.Send(new AttachAssetDocument(issuerId, id, DocumentKind.Photo, "cover.png", "image/png", photo.Length, photo), cancellationToken));
        }

        var pdf = DemoFiles.Pdf(name, $"{kind} - offering memorandum (demo)", "Issuer: Isaac Issuer, TokenPlatform demo", $"Supply: {terms.Supply} fractions");
        await using (var document = new MemoryStream(pdf))
        {
            Expect(await sender.Send(new AttachAssetDocument(issuerId, id, DocumentKind.Document, "offering-memorandum.pdf", "application/pdf", document.Length, document), cancellationToken));
        }

        Expect(await sender.Send(new SetAssetTerms(issuerId, id, terms.Supply, terms.Price, terms.Minimum, terms.MaxHoldingBps, terms.RoyaltyBps, now.AddMinutes(-1), now.AddDays(90), null), cancellationToken));
        Expect(await sender.Send(new SetAssetSplit(issuerId, id, payees, holdersBps), cancellationToken));
        Expect(await sender.Send(new SubmitAssetForReview(issuerId, id), cancellationToken));
        Expect(await sender.Send(new ApproveAsset(id), cancellationToken));
    }

    private static T Expect<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo data could not be created: {result.Error!.Message} {string.Join("; ", result.Error.Fields.Select(f => $"{f.Field}: {f.Message}"))}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo assets and the demo investor's verification; they go live as the chain confirms them")]
    private static partial void LogSeeded(ILogger logger);
}
