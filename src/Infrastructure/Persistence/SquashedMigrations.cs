using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// The pre-release migration chains that were squashed into each provider's <c>Initial</c>. A database
/// migrated to the last of them has exactly Initial's schema (only defaults the old steps added for
/// back-filling differ, and the app always writes those columns), so its history is rewritten to
/// Initial. One that stopped part-way cannot be brought forward by this build any more.
/// </summary>
internal static class SquashedMigrations
{
    /// <summary>The last commit whose build still carries the old chains.</summary>
    internal const string LastCommitWithOldChain = "c2a5716";

    private static readonly string[] Sqlite =
    [
        "20261126111020_Initial",
        "20261126120652_ChainOutboxWalletsIndexer",
        "20261126121735_OutboxDependencies",
        "20261126122239_AssetDetailsDocumentsSplit",
        "20261126122521_FeesRevenue",
        "20261126132755_InvestorsKycPurchases",
        "20261126134201_RevenueEventsApiKeys",
        "20261126135619_DistributionsEntitlementsHoldingHistory",
        "20261126140847_RevenueEventsLeanIndexes",
        "20261126141850_AuditLogFeeVersionsOnChain",
        "20261126144124_AssetFeeOverrides",
        "20261204192224_PayoutSafety",
        "20261204194929_DepositsAndPolicies",
        "20261204201917_Notifications",
        "20261204213736_StandingAuthorizations",
    ];

    private static readonly string[] Postgres =
    [
        "20261126111045_Initial",
        "20261126120702_ChainOutboxWalletsIndexer",
        "20261126121747_OutboxDependencies",
        "20261126122250_AssetDetailsDocumentsSplit",
        "20261126122534_FeesRevenue",
        "20261126132758_InvestorsKycPurchases",
        "20261126134205_RevenueEventsApiKeys",
        "20261126135623_DistributionsEntitlementsHoldingHistory",
        "20261126140850_RevenueEventsLeanIndexes",
        "20261126141854_AuditLogFeeVersionsOnChain",
        "20261126144128_AssetFeeOverrides",
        "20261204192232_PayoutSafety",
        "20261204194936_DepositsAndPolicies",
        "20261204201923_Notifications",
        "20261204213742_StandingAuthorizations",
    ];

    internal static IReadOnlyList<string> ChainOf(AppDbContext db) => db is PostgresAppDbContext ? Postgres : Sqlite;

    /// <summary>Rewrites the history of a database at the squashed state (true when it did); refuses one that stopped before it.</summary>
    public static async Task<bool> AdoptAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var chain = ChainOf(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var old = chain.Where(applied.Contains).ToList();
        if (old.Count == 0)
        {
            return false;
        }

        if (!applied.Contains(chain[^1]))
        {
            throw new InvalidOperationException(
                $"The database was created by an older pre-release build and is migrated only up to {old[^1]}, " +
                $"a migration this build no longer carries. Delete it (for SQLite: the data/ folder) and start again, " +
                $"or first bring it to the end of the old chain by starting a build of commit {LastCommitWithOldChain}, then start this one again.");
        }

        var initial = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!applied.Contains(initial))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), cancellationToken);
        }

        foreach (var id in old)
        {
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
