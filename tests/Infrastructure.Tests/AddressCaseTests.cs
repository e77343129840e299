using Microsoft.EntityFrameworkCore;
using Nethereum.Signer;
using Nethereum.Util;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Infrastructure.Tests;

/// <summary>Addresses match whatever their letter case, on both providers, and the domain's checksum is the chain edge's.</summary>
public sealed class AddressCaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset PaidAt = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
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

    private static Distribution PayingTo(string lineAddress, long gross)
    {
        var input = new DistributionInput(Units(gross), 0, 0, Money.Zero, PaidAt.AddDays(-30), PaidAt, Money.Zero, [new PayeeShare("Creator", lineAddress, 10_000)], 0, []);
        var result = DistributionCalculator.Compute(input).Value;
        List<DistributionLine> lines =
        [
            new(0, DistributionLineKind.DistributionFee, "Distribution fee", null, null, null, Money.Zero),
            new(1, DistributionLineKind.ManagementFee, "Management fee", null, null, null, Money.Zero),
            new(2, DistributionLineKind.Payee, "Creator", lineAddress, 10_000, null, Units(gross)),
        ];
        return new Distribution(Guid.CreateVersion7(), AssetId.New(), 1, PaidAt, input, result, Guid.NewGuid(), "issuer", "0x" + new string('9', 40), "0x" + new string('0', 64), Money.Zero, lines, PaidAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LinesTo_FindsLinesWhateverTheLetterCaseOfTheStoredAddress(DatabaseProvider provider)
    {
        const string checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        await using (var db = Create(provider))
        {
            await db.Database.MigrateAsync();
            db.AddRange(PayingTo(checksummed.ToLowerInvariant(), 1), PayingTo("0x" + checksummed[2..].ToUpperInvariant(), 2), PayingTo(checksummed, 3),
                PayingTo("0x5AaEB6053f3e94c9B9a09F33669435e7eF1bEaED", 4), PayingTo("0x" + new string('4', 40), 5));
            await db.SaveChangesAsync();
        }

        await using var read = Create(provider);
        var lines = await new DistributionStore(read).LinesToAsync([checksummed], PaidAt.AddDays(-1), PaidAt.AddDays(1), CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4], lines.Where(x => x.Line.Kind == DistributionLineKind.Payee).Select(x => x.Line.Amount.MinorUnits).Order());
    }

    [Fact]
    public void DomainChecksum_AgreesWithNethereum_ForRandomAddresses()
    {
        for (var i = 0; i < 500; i++)
        {
            var address = EthECKey.GenerateKey().GetPublicAddress();

            Assert.Equal(AddressUtil.Current.ConvertToChecksumAddress(address), EthAddress.Checksum(address.ToLowerInvariant()));
        }
    }
}
