using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Infrastructure.Tests;

/// <summary>Both providers: migrations apply on an empty database and the Asset aggregate survives a round trip.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private string _sqliteFile = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.CreateAsync();
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"tp-test-{Guid.NewGuid():N}.db");
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private AppDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(_postgres.ConnectionString).Options),
        _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_sqliteFile}").Options),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_ApplyOnEmptyDatabase_AndLeaveNoPendingModelChange(DatabaseProvider provider)
    {
        await using var db = Create(provider);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        // Fails when the model changed without a migration for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Asset_WithTerms_RoundTripsEveryField(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 30, 15, TimeSpan.Zero).AddTicks(1234);
        var asset = Asset.CreateDraft("issuer-42", AssetKind.MusicRoyalty, "Night Drive (master)", now).Value;
        var terms = AssetTerms.Create(10_000, Money.FromMinorUnits(25_500_000).Value, 10, BasisPoints.Create(1_500).Value, BasisPoints.Create(750).Value).Value;
        Assert.True(asset.SetTerms(terms, now.AddSeconds(1)).IsSuccess);
        Assert.True(asset.Rename("Night Drive (master, 2026)", now.AddSeconds(3)).IsSuccess);

        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
        }

        await using (var db = Create(provider))
        {
            var loaded = await db.Assets.SingleAsync(a => a.Id == asset.Id);

            Assert.Equal("issuer-42", loaded.IssuerId);
            Assert.Equal(AssetKind.MusicRoyalty, loaded.Kind);
            Assert.Equal("Night Drive (master, 2026)", loaded.Name);
            Assert.Equal(AssetStatus.Draft, loaded.Status);
            Assert.Null(loaded.Details);
            Assert.Empty(loaded.Documents);
            Assert.Equal(now, loaded.CreatedAt);
            Assert.Equal(now.AddSeconds(3), loaded.UpdatedAt);
            Assert.Equal(terms, loaded.Terms);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LiveMusicAsset_WithDetailsSplitOfferingAndDocuments_RoundTrips(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var asset = Asset.CreateDraft("issuer-7", AssetKind.MusicRoyalty, "Night Drive (master)", now).Value;
        asset.SetDetails(MusicRoyaltyDetails.Create("Nova", "Night Drive", "US-RC1-76-07839", MusicRights.Master, Money.FromMinorUnits(12_000_000_000).Value).Value, now);
        asset.SetTerms(AssetTerms.Create(10_000, Money.FromMinorUnits(25_000_000).Value, 10, BasisPoints.Create(1_000).Value, BasisPoints.Create(750).Value).Value, now);
        asset.SetOffering(OfferingPlan.Create(now, now.AddDays(30), now.AddDays(60), now).Value, now);
        var payees = new[] { new SplitPayee("Nova", PayeeRole.Artist, "0x" + new string('a', 40), 3_000), new SplitPayee("Kai", PayeeRole.Producer, "0x" + new string('b', 40), 1_000) };
        var split = RevenueSplit.Create(payees, 6_000).Value;
        asset.SetSplit(split, now);
        asset.AddDocument(AssetDocument.Create(DocumentKind.Document, "licence.pdf", "application/pdf", 2_048, new string('c', 64), "assets/x/licence.pdf", now).Value, now);
        asset.AddDocument(AssetDocument.Create(DocumentKind.Photo, "cover.png", "image/png", 4_096, new string('d', 64), "assets/x/cover.png", now).Value, now);
        asset.SubmitForReview(now);
        var creation = Guid.NewGuid();
        asset.Approve(Money.FromMinorUnits(500_000_000).Value, creation, now);
        asset.MarkLive(42, now);

        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
        }

        await using (var db = Create(provider))
        {
            var loaded = await db.Assets.SingleAsync(a => a.Id == asset.Id);
            var details = Assert.IsType<MusicRoyaltyDetails>(loaded.Details);
            Assert.Equal(("USRC17607839", MusicRights.Master, 12_000_000_000L), (details.Isrc, details.Rights, details.ExpectedAnnualRoyalties.MinorUnits));
            Assert.Equal("USRC17607839", loaded.Isrc);
            Assert.Equal(split.Payees, loaded.Split!.Payees); // as the split keeps them: addresses checksummed
            Assert.Equal(6_000, loaded.Split.HoldersBps);
            Assert.Equal(asset.Offering, loaded.Offering);
            Assert.Equal(["cover.png", "licence.pdf"], loaded.Documents.Select(d => d.FileName).Order(StringComparer.Ordinal));
            Assert.Equal(new string('c', 64), loaded.Documents.Single(d => d.Kind == DocumentKind.Document).Sha256);
            Assert.Equal((AssetStatus.Live, 42L, creation, 500_000_000L), (loaded.Status, loaded.OnChainTokenId!.Value, loaded.CreationOperationId!.Value, loaded.ListingFee!.Value.MinorUnits));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Isrc_IsUniqueAcrossAssets(DatabaseProvider provider)
    {
        var now = DateTimeOffset.UtcNow;
        Asset Music(string name)
        {
            var a = Asset.CreateDraft("issuer", AssetKind.MusicRoyalty, name, now).Value;
            a.SetDetails(MusicRoyaltyDetails.Create("Nova", name, "GB-AAA-25-00001", MusicRights.Publishing, Money.Zero).Value, now);
            return a;
        }

        await using var db = Create(provider);
        await db.Database.MigrateAsync();
        db.Assets.Add(Music("First"));
        await db.SaveChangesAsync();
        db.Assets.Add(Music("Second"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Repository_ListsAndCountsByStatus(DatabaseProvider provider)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.Assets.Add(Asset.CreateDraft("a", AssetKind.Art, "Older draft", now).Value);
            db.Assets.Add(Asset.CreateDraft("a", AssetKind.Art, "Newer draft", now.AddMinutes(1)).Value);
            db.Assets.Add(Asset.CreateDraft("b", AssetKind.RealEstate, "Someone else's", now).Value);
            await db.SaveChangesAsync();
        }

        await using (var db = Create(provider))
        {
            var repository = new AssetRepository(db);

            var mine = await repository.ListByIssuerAsync("a", CancellationToken.None);
            var counts = await repository.CountByStatusAsync(CancellationToken.None);

            Assert.Equal(["Newer draft", "Older draft"], mine.Select(a => a.Name));
            Assert.Equal(3, counts[AssetStatus.Draft]);
            Assert.Empty(await repository.ListByStatusAsync(AssetStatus.Approved, 10, CancellationToken.None));
        }
    }
}
