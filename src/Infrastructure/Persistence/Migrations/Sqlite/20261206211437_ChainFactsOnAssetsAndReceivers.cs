using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChainFactsOnAssetsAndReceivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeployedAt",
                table: "revenue_receivers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OfferingOpenedAt",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StreamId",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_revenue_receivers_DeployedAt",
                table: "revenue_receivers",
                column: "DeployedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_revenue_receivers_DeployedAt",
                table: "revenue_receivers");

            migrationBuilder.DropColumn(
                name: "DeployedAt",
                table: "revenue_receivers");

            migrationBuilder.DropColumn(
                name: "OfferingOpenedAt",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "StreamId",
                table: "assets");
        }
    }
}
