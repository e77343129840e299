using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PayoutSafety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "revenue_events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "revenue_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "revenue_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "revenue_events",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<long>(
                name: "FundedAt",
                table: "distributions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_revenue_events_DistributionId",
                table: "revenue_events",
                column: "DistributionId");

            migrationBuilder.CreateIndex(
                name: "IX_distributions_OnChainTokenId_MerkleRoot",
                table: "distributions",
                columns: new[] { "OnChainTokenId", "MerkleRoot" });

            // Distributions completed before funding was tracked published their root when they completed.
            migrationBuilder.Sql("UPDATE distributions SET \"FundedAt\" = \"CompletedAt\" WHERE \"Status\" = 'Completed' AND \"HoldersShare\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_revenue_events_DistributionId",
                table: "revenue_events");

            migrationBuilder.DropIndex(
                name: "IX_distributions_OnChainTokenId_MerkleRoot",
                table: "distributions");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "revenue_events");

            migrationBuilder.DropColumn(
                name: "FundedAt",
                table: "distributions");
        }
    }
}
