using Microsoft.EntityFrameworkCore.Migrations;

namespace TokenPlatform.Infrastructure.Persistence.Migrations;

/// <summary>
/// Gives the operations that failed before failure codes existed the code their error text names, so a
/// purchase failed then is explained as it was (a stated list: what the domain told apart on that day).
/// </summary>
internal static class ChainFailureBackfill
{
    private static readonly string[] Names =
    [
        "ERC20InsufficientBalance", "ERC20InsufficientAllowance", "SoldOut", "OverLimit", "NotVerified", "BuyerFrozen", "OfferingNotOpen",
        "BelowMinimumPurchase", "InsufficientBalance",
    ];

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        foreach (var name in Names)
        {
            migrationBuilder.Sql(
                $"UPDATE \"chain_operations\" SET \"FailureCode\" = '{name}' WHERE \"Status\" = 'Failed' AND \"FailureCode\" IS NULL " +
                $"AND (\"Error\" LIKE 'reverted: {name}(%' OR \"Error\" LIKE 'rejected before sending: {name}(%')");
        }

        migrationBuilder.Sql(
            "UPDATE \"chain_operations\" SET \"FailureCode\" = 'DependencyFailed' WHERE \"Status\" = 'Failed' AND \"FailureCode\" IS NULL " +
            "AND \"Error\" = 'the operation it depends on failed'");
        migrationBuilder.Sql("UPDATE \"chain_operations\" SET \"FailureCode\" = 'Other' WHERE \"Status\" = 'Failed' AND \"FailureCode\" IS NULL");
    }
}
